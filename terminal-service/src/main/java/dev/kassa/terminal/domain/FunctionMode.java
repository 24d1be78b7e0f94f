package dev.kassa.terminal.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the terminal app shows. Informational for the other services (the cart ignores it), but the
 * terminal service refuses modes that make no sense in the terminal's state.
 */
public enum FunctionMode {
    MainMenu, OpenTerminal, Sales, Returns, Void, Reports, CloseTerminal, Journal, Maintenance, CashInOut;

    /** Modes that need an opened terminal. */
    private static final Set<FunctionMode> ONLY_WHEN_OPENED = EnumSet.of(Sales, Returns, Void, CloseTerminal, CashInOut);
    /** Modes that make no sense once opened. */
    private static final Set<FunctionMode> ONLY_WHEN_NOT_OPENED = EnumSet.of(OpenTerminal);

    public static Optional<FunctionMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Why this mode may not be chosen in the given state, or empty when it may. */
    public Optional<String> refusal(String status, String terminalId) {
        boolean opened = TerminalStatus.OPENED.equals(status);
        if (opened && ONLY_WHEN_NOT_OPENED.contains(this)) {
            return Optional.of("Terminal is already opened: " + terminalId);
        }
        if (!opened && ONLY_WHEN_OPENED.contains(this)) {
            return Optional.of("Terminal is not opened: " + terminalId);
        }
        return Optional.empty();
    }
}
