package dev.kassa.stock.domain;

import java.math.BigDecimal;

/** Quantities are exact decimals; on the wire they carry no trailing zeros (20, 2.5). */
public final class Quantities {

    private Quantities() {
    }

    public static BigDecimal of(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal d) {
            return plain(d);
        }
        if (value instanceof Number n) {
            return plain(new BigDecimal(n.toString()));
        }
        return plain(new BigDecimal(value.toString()));
    }

    public static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
