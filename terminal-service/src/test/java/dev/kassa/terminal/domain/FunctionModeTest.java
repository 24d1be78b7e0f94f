package dev.kassa.terminal.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FunctionModeTest {

    @ParameterizedTest(name = "{0} while {1}: {2}")
    @CsvSource({
            "MainMenu, Idle, ok", "OpenTerminal, Idle, ok", "Sales, Idle, not opened",
            "Returns, Idle, not opened", "Void, Idle, not opened", "Reports, Idle, ok",
            "CloseTerminal, Idle, not opened", "Journal, Idle, ok", "Maintenance, Idle, ok",
            "CashInOut, Idle, not opened",
            "OpenTerminal, Opened, already opened", "Sales, Opened, ok", "Returns, Opened, ok", "Void, Opened, ok",
            "CloseTerminal, Opened, ok", "CashInOut, Opened, ok", "MainMenu, Opened, ok",
            "Sales, Closed, not opened", "CashInOut, Closed, not opened", "OpenTerminal, Closed, ok"})
    void modesNeedTheRightState(String mode, String status, String expected) {
        Optional<String> refusal = FunctionMode.parse(mode).orElseThrow().refusal(status, "T1-5678-9");
        String outcome = refusal.map(r -> r.startsWith("Terminal is already opened") ? "already opened"
                : r.startsWith("Terminal is not opened") ? "not opened" : r).orElse("ok");
        assertEquals(expected, outcome);
    }

    @ParameterizedTest
    @CsvSource({"sales", "Dance", "''"})
    void unknownModesAreNotModes(String value) {
        assertEquals(Optional.empty(), FunctionMode.parse(value));
    }
}
