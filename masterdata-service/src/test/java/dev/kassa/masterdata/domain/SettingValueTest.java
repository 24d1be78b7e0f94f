package dev.kassa.masterdata.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingValueTest {
    static final List<SettingValue> ALL = List.of(
            new SettingValue(null, null, "global"),
            new SettingValue("S1", null, "store"),
            new SettingValue("S1", 9, "terminal"));

    @Test
    void mostSpecificValueWins() {
        assertEquals(Optional.of("terminal"), SettingValue.resolve(ALL, "S1", 9));
        assertEquals(Optional.of("store"), SettingValue.resolve(ALL, "S1", 1));
        assertEquals(Optional.of("store"), SettingValue.resolve(ALL, "S1", null));
        assertEquals(Optional.of("global"), SettingValue.resolve(ALL, "S2", 9));
        assertEquals(Optional.of("global"), SettingValue.resolve(ALL, null, null));
    }

    @Test
    void noMatchingValueMeansTheDefault() {
        List<SettingValue> storeOnly = List.of(new SettingValue("S1", 9, "terminal"));
        assertEquals(Optional.empty(), SettingValue.resolve(storeOnly, "S2", 9));
        assertEquals(Optional.empty(), SettingValue.resolve(storeOnly, "S1", 8));
        assertEquals(Optional.empty(), SettingValue.resolve(List.of(), "S1", 9));
        // A terminal-scoped value without a store never matches a store's terminal.
        assertEquals(Optional.empty(), SettingValue.resolve(List.of(new SettingValue(null, 9, "odd")), "S1", 9));
    }
}
