package dev.kassa.masterdata.domain;

import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scoped value of a setting: store and terminal, store only, or neither (global).
 */
public record SettingValue(@Code String storeCode, @PositiveOrZero @Max(999_999) Integer terminalNo,
                           @NotNull @Text String value) {

    /**
     * The value that applies to a store's terminal, most specific first: store and terminal,
     * then store, then global; empty when only the default applies.
     */
    public static Optional<String> resolve(List<SettingValue> values, String storeCode, Integer terminalNo) {
        String[] stores = {storeCode, storeCode, null};
        Integer[] terminals = {terminalNo, null, null};
        for (int i = 0; i < stores.length; i++) {
            for (SettingValue v : values) {
                if (Objects.equals(v.storeCode(), stores[i]) && Objects.equals(v.terminalNo(), terminals[i])) {
                    return Optional.of(v.value());
                }
            }
        }
        return Optional.empty();
    }
}
