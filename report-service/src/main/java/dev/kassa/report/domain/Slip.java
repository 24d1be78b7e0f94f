package dev.kassa.report.domain;

import dev.kassa.common.text.DisplayWidth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A report as printed, in Kugel's report layout: 32 columns measured in display width (a kanji takes
 * two), every line padded to the width as Kugel's journal text is; split lines put the figure at the
 * right edge with one space before it. The shared header is Kugel's (store, terminal and person in
 * charge, time printed, title with 速報/日報, 営業日付 or 期間, 開設回数, 精算通番 for a daily report).
 */
final class Slip {
    static final int WIDTH = 32;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] WEEKDAYS = {"月", "火", "水", "木", "金", "土", "日"};

    private final StringBuilder text = new StringBuilder();

    /**
     * The header every report but the promotion report opens with: the title is {@code titleBefore},
     * the scope ({@code ( 日報 )} or {@code ( 速報 )}) and {@code titleAfter}. A period prints on one
     * line and its continuation, or (the payment report) on three lines.
     */
    static Slip headed(ReportHeader h, String titleBefore, String titleAfter, boolean periodOnLines) {
        Slip s = new Slip();
        s.left("店舗コード " + h.storeCode());
        s.split(h.terminalNo() == null ? "店舗合計" : "レジNo. " + h.terminalNo(), "責# ");
        s.left(dateTime(h.generateDateTime()));
        s.center(" ");
        s.center(titleBefore + ("daily".equals(h.reportScope()) ? "( 日報 )" : "( 速報 )") + titleAfter);
        s.center(" ");
        if (h.businessDateFrom() != null && h.businessDateTo() != null) {
            if (periodOnLines) {
                s.left("期間");
                s.left("  " + businessDate(h.businessDateFrom()));
                s.left("  ～ " + businessDate(h.businessDateTo()));
            } else {
                s.left("期間 " + businessDate(h.businessDateFrom()));
                s.left("     ～ " + businessDate(h.businessDateTo()));
            }
        } else if (h.businessDate() != null) {
            s.left("営業日付 " + businessDate(h.businessDate()));
        } else {
            s.left("営業日付 指定なし");
        }
        if (h.openCounter() != null) {
            s.left("開設回数 " + fixedLeft(comma(h.openCounter()) + "回", 10));
        }
        if ("daily".equals(h.reportScope()) && h.businessCounter() != null) {
            s.left("精算通番 " + fixedLeft(comma(h.businessCounter()), 10));
        }
        return s;
    }

    Slip left(String s) {
        return add(fixedLeft(s, WIDTH));
    }

    Slip center(String s) {
        String v = s == null ? "" : s;
        int pad = Math.max(0, WIDTH - DisplayWidth.of(v));
        return add(" ".repeat(pad / 2) + v + " ".repeat(pad - pad / 2));
    }

    /** Label left, cut to fit, one space, then the figure. */
    Slip split(String label, String figure) {
        int room = Math.max(0, WIDTH - DisplayWidth.of(figure) - 1);
        return add(fixedLeft(cut(label, room), room) + " " + figure);
    }

    Slip border() {
        return add("-".repeat(WIDTH));
    }

    /** A line as it is, for the promotion report's plain layout. */
    Slip raw(String s) {
        return add(s);
    }

    String text() {
        return text.toString();
    }

    private Slip add(String line) {
        text.append(line).append('\n');
        return this;
    }

    static String fixedLeft(String s, int width) {
        String v = s == null ? "" : s;
        return v + " ".repeat(Math.max(0, width - DisplayWidth.of(v)));
    }

    static String fixedRight(String s, int width) {
        String v = s == null ? "" : s;
        return " ".repeat(Math.max(0, width - DisplayWidth.of(v))) + v;
    }

    static String space(int n) {
        return " ".repeat(n);
    }

    /** 1234567 -> "1,234,567"; decimals kept when there are any. */
    static String comma(BigDecimal value) {
        BigDecimal v = Money.plain(value == null ? BigDecimal.ZERO : value);
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (v.signum() < 0 ? "-" : "") + grouped + (dot < 0 ? "" : plain.substring(dot));
    }

    static String comma(long value) {
        return comma(BigDecimal.valueOf(value));
    }

    /** Whole currency units, as Kugel's category and item slips print them ({@code int(amount)}). */
    static String whole(BigDecimal value) {
        return comma((value == null ? BigDecimal.ZERO : value).setScale(0, RoundingMode.DOWN));
    }

    /** "2026-03-15T10:10:00+09:00" -> "2026年03月15日(日) 10:10", in the time's own offset. */
    static String dateTime(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        LocalDateTime t;
        try {
            t = OffsetDateTime.parse(value).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(value);
            } catch (DateTimeParseException e2) {
                return value;
            }
        }
        return DATE.format(t) + "(" + WEEKDAYS[t.getDayOfWeek().getValue() - 1] + ") " + TIME.format(t);
    }

    /** "20260315" -> "2026年03月15日(日)"; anything else as it is. */
    static String businessDate(String value) {
        if (value == null || !value.matches("\\d{8}")) {
            return value == null ? "" : value;
        }
        try {
            LocalDate d = LocalDate.parse(value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6));
            return DATE.format(d) + "(" + WEEKDAYS[d.getDayOfWeek().getValue() - 1] + ")";
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String cut(String s, int columns) {
        String v = s == null ? "" : s;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            int w = DisplayWidth.isWide(cp) ? 2 : 1;
            if (used + w > columns) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
