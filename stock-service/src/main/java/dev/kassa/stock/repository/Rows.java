package dev.kassa.stock.repository;

import dev.kassa.stock.domain.Quantities;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Reads the columns of native query rows, whatever Java type the driver chose for them. */
final class Rows {

    private Rows() {
    }

    static BigDecimal decimal(Object v) {
        return Quantities.of(v);
    }

    static String text(Object v) {
        return v == null ? null : v.toString();
    }

    static Integer integer(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }

    static OffsetDateTime time(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("Not a timestamp: " + v.getClass());
    }
}
