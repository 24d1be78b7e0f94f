package dev.kassa.terminal.domain;

/** A terminal's state: {@code Idle} until its first open, then {@code Opened} and {@code Closed} in turn. */
public final class TerminalStatus {
    public static final String IDLE = "Idle";
    public static final String OPENED = "Opened";
    public static final String CLOSED = "Closed";

    private TerminalStatus() {
    }
}
