package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tax master: tax code -> rule. */
public final class TaxMaster {
    private final Map<String, TaxRule> rules;

    private TaxMaster(Map<String, TaxRule> rules) {
        this.rules = rules;
    }

    public static TaxMaster of(Collection<TaxRule> rules) {
        Map<String, TaxRule> map = new LinkedHashMap<>();
        for (TaxRule rule : rules) {
            map.put(rule.taxCode(), rule);
        }
        return new TaxMaster(Map.copyOf(map));
    }

    /** Kugel's default TAX_MASTER: five codes, all taxed codes Floor to whole units. */
    public static TaxMaster defaults() {
        return of(DEFAULT_RULES);
    }

    public static final List<TaxRule> DEFAULT_RULES = List.of(
            new TaxRule("00", TaxType.Exempt, "非課税", BigDecimal.ZERO, 0, null),
            new TaxRule("01", TaxType.External, "外税10%", BigDecimal.TEN, -1, RoundMethod.Floor),
            new TaxRule("02", TaxType.Internal, "内税10%", BigDecimal.TEN, -1, RoundMethod.Floor),
            new TaxRule("11", TaxType.External, "外税 8%", BigDecimal.valueOf(8), -1, RoundMethod.Floor),
            new TaxRule("12", TaxType.Internal, "内税 8%", BigDecimal.valueOf(8), -1, RoundMethod.Floor));

    /** The rule for {@code taxCode}; an item whose tax code is not in the master is 422 / 300001. */
    public TaxRule require(String taxCode) {
        TaxRule rule = rules.get(taxCode);
        if (rule == null) {
            throw CartErrors.invalid("Unknown tax code: " + taxCode);
        }
        return rule;
    }

    public boolean contains(String taxCode) {
        return rules.containsKey(taxCode);
    }

    public Collection<TaxRule> rules() {
        return rules.values();
    }
}
