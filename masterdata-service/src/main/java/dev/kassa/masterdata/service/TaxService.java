package dev.kassa.masterdata.service;

import dev.kassa.common.api.PageRequest;
import dev.kassa.masterdata.config.MasterDataConfig;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.repository.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tax master: read-only, from configuration, the same for every tenant (as in Kugel). A
 * change of the configuration takes effect at the next start.
 */
@ApplicationScoped
public class TaxService {
    public static final Set<String> SORTABLE = Set.of("tax_code", "tax_type", "tax_name", "rate", "round_digit",
            "round_method");

    private static final Map<String, Function<MasterDataConfig.Tax, Comparable>> KEYS = Map.of(
            "tax_code", MasterDataConfig.Tax::taxCode,
            "tax_type", MasterDataConfig.Tax::taxType,
            "tax_name", MasterDataConfig.Tax::taxName,
            "rate", MasterDataConfig.Tax::rate,
            "round_digit", MasterDataConfig.Tax::roundDigit,
            "round_method", t -> t.roundMethod().orElse(""));

    @Inject
    MasterDataConfig config;

    public MasterDataConfig.Tax get(String taxCode) {
        return config.taxes().stream().filter(t -> t.taxCode().equals(taxCode)).findFirst()
                .orElseThrow(() -> MasterDataErrors.notFound("Tax " + taxCode));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Pages.Page<MasterDataConfig.Tax> list(PageRequest page) {
        Comparator<MasterDataConfig.Tax> order = Comparator.comparing(MasterDataConfig.Tax::taxCode);
        if (!page.sort().isEmpty()) {
            order = null;
            for (var field : page.sort()) {
                Comparator<MasterDataConfig.Tax> one = Comparator.comparing(t -> (Comparable) KEYS.get(field.field()).apply(t));
                if (!field.ascending()) {
                    one = one.reversed();
                }
                order = order == null ? one : order.thenComparing(one);
            }
            order = order.thenComparing(MasterDataConfig.Tax::taxCode);
        }
        List<MasterDataConfig.Tax> all = config.taxes().stream().sorted(order).toList();
        List<MasterDataConfig.Tax> slice = all.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Pages.Page<>(slice, all.size());
    }
}
