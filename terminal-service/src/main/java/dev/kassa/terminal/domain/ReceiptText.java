package dev.kassa.terminal.domain;

import dev.kassa.common.text.DisplayWidth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A receipt of fixed width (32 columns, as the terminal's printer), measured in display columns:
 * a Japanese full-width character takes two. The same text serves as receipt and journal text.
 */
public final class ReceiptText {
    public static final int WIDTH = 32;

    private final int width;
    private final List<String> lines = new ArrayList<>();

    public ReceiptText() {
        this(WIDTH);
    }

    public ReceiptText(int width) {
        this.width = width;
    }

    public ReceiptText left(String text) {
        lines.add(fixedLeft(text, width, false));
        return this;
    }

    public ReceiptText center(String text) {
        int padding = Math.max(0, width - width(text));
        int before = padding / 2;
        lines.add(" ".repeat(before) + text + " ".repeat(padding - before));
        return this;
    }

    /** Text on the left, a value flush right, at least one space between. */
    public ReceiptText split(String left, String right) {
        int leftWidth = Math.max(0, width - width(right) - 1);
        lines.add(fixedLeft(left, leftWidth, true) + " " + right);
        return this;
    }

    public ReceiptText border() {
        lines.add("-".repeat(width));
        return this;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** Display columns of a text: East Asian wide and full-width characters count two. */
    public static int width(String text) {
        return DisplayWidth.of(text);
    }

    public static String fixedLeft(String text, int width, boolean truncate) {
        String t = text == null ? "" : text;
        if (truncate && width(t) > width) {
            StringBuilder cut = new StringBuilder();
            int w = 0;
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                int cw = DisplayWidth.isWide(cp) ? 2 : 1;
                if (w + cw > width) {
                    break;
                }
                cut.appendCodePoint(cp);
                w += cw;
                i += Character.charCount(cp);
            }
            t = cut.toString();
        }
        return t + " ".repeat(Math.max(0, width - width(t)));
    }

    /** {@code 1,234,567}: whole units with thousands separators (half-even, as Python's format). */
    public static String comma(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value == null ? BigDecimal.ZERO : value);
    }

    public static String comma(long value) {
        return comma(BigDecimal.valueOf(value));
    }

    /** Left-pads with zeros to the width (as Python's zfill), e.g. staff {@code S001} -> {@code 00S001}. */
    public static String zeroFill(String value, int width) {
        return "0".repeat(Math.max(0, width - value.length())) + value;
    }
}
