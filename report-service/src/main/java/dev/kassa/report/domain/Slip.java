package dev.kassa.report.domain;

import dev.kassa.common.text.DisplayWidth;
import dev.kassa.common.text.JapaneseDates;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A report as printed, in Kugel's report layout: 32 columns measured in display width (a kanji takes
 * two), every line padded to the width as Kugel's journal text is; split lines put the figure at the
 * right edge with one space before it. The shared header is Kugel's (store, terminal and person in
 * charge, time printed, title with 速報/日報, 営業日付 or 期間, 開設回数, 精算通番 for a daily report).
 */
final class Slip {
    static final int WIDTH = 32;

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
        s.left(JapaneseDates.dateTime(h.generateDateTime(), null));
        s.center(" ");
        s.center(titleBefore + ("daily".equals(h.reportScope()) ? "( 日報 )" : "( 速報 )") + titleAfter);
        s.center(" ");
        if (h.businessDateFrom() != null && h.businessDateTo() != null) {
            if (periodOnLines) {
                s.left("期間");
                s.left("  " + JapaneseDates.businessDate(h.businessDateFrom()));
                s.left("  ～ " + JapaneseDates.businessDate(h.businessDateTo()));
            } else {
                s.left("期間 " + JapaneseDates.businessDate(h.businessDateFrom()));
                s.left("     ～ " + JapaneseDates.businessDate(h.businessDateTo()));
            }
        } else if (h.businessDate() != null) {
            s.left("営業日付 " + JapaneseDates.businessDate(h.businessDate()));
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
