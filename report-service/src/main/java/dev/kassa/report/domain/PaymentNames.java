package dev.kassa.report.domain;

import java.util.Map;

/** A payment's name: as the tranlog describes it, else Kugel's defaults for its standard codes. */
final class PaymentNames {
    private static final Map<String, String> DEFAULTS = Map.of("01", "Cash", "11", "Cashless", "12", "Others");

    private PaymentNames() {
    }

    static String name(String code, String description) {
        if (description != null && !description.isBlank()) {
            return description;
        }
        return DEFAULTS.getOrDefault(code, "Payment " + code);
    }
}
