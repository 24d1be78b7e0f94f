package dev.kassa.report.domain;

import java.math.BigDecimal;

/** A report as printed: 32 columns, label left, figure right (Kugel's report receipts are 32 wide). */
final class Slip {
    static final int WIDTH = 32;

    private final StringBuilder text = new StringBuilder();

    static Slip titled(String title, ReportHeader h) {
        Slip slip = new Slip();
        String scope = "daily".equals(h.reportScope()) ? "Daily" : "Flash";
        slip.rule('=').center(title + " (" + scope + ")").rule('=');
        slip.row("Store", h.storeCode());
        slip.row("Terminal", h.terminalNo() == null ? "all" : String.valueOf(h.terminalNo()));
        slip.row("Business date", h.periodText());
        if (h.openCounter() != null) {
            slip.row("Session", String.valueOf(h.openCounter()));
        }
        if (h.generateDateTime() != null) {
            slip.row("Printed", h.generateDateTime().length() > 19 ? h.generateDateTime().substring(0, 19)
                    : h.generateDateTime());
        }
        return slip.rule('-');
    }

    Slip rule(char c) {
        text.append(String.valueOf(c).repeat(WIDTH)).append('\n');
        return this;
    }

    Slip center(String s) {
        String v = cut(s, WIDTH);
        int pad = (WIDTH - v.length()) / 2;
        text.append(" ".repeat(pad)).append(v).append('\n');
        return this;
    }

    Slip line(String s) {
        text.append(cut(s, WIDTH)).append('\n');
        return this;
    }

    Slip row(String label, String value) {
        String v = value == null ? "" : value;
        String l = cut(label, Math.max(1, WIDTH - v.length() - 1));
        text.append(l).append(" ".repeat(Math.max(1, WIDTH - l.length() - v.length()))).append(v).append('\n');
        return this;
    }

    Slip row(String label, BigDecimal amount) {
        return row(label, Money.plain(amount).toPlainString());
    }

    /** A figure: its amount on the label's line, count and quantity indented below. */
    Slip figure(String label, BigDecimal amount, int count, int quantity) {
        row(label, amount);
        return line("   count " + count + ", qty " + quantity);
    }

    String text() {
        return text.toString();
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
