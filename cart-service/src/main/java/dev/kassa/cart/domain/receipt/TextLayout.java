package dev.kassa.cart.domain.receipt;

import dev.kassa.common.text.DisplayWidth;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-width text for a receipt printer: a column is one half-width character; East Asian wide and
 * full-width characters (kanji, kana, 【】, full-width forms) take two.
 */
public final class TextLayout {
    private final int width;

    public TextLayout(int width) {
        this.width = width;
    }

    public int width() {
        return width;
    }

    /** Display width of {@code text} in columns. */
    public static int widthOf(String text) {
        return DisplayWidth.of(text);
    }

    /** The longest prefix of {@code text} that fits in {@code columns}. */
    public static String truncate(String text, int columns) {
        int w = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int cw = DisplayWidth.isWide(cp) ? 2 : 1;
            if (w + cw > columns) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    public static String spaces(int n) {
        return n <= 0 ? "" : " ".repeat(n);
    }

    /** Left-aligned in {@code columns}, cut if longer. */
    public static String fixedLeft(String text, int columns) {
        String t = truncate(text, columns);
        return t + spaces(columns - widthOf(t));
    }

    /** Right-aligned in {@code columns} (a longer text is kept whole). */
    public static String fixedRight(String text, int columns) {
        return spaces(columns - widthOf(text)) + text;
    }

    public String left(String text) {
        return truncate(text, width);
    }

    public String right(String text) {
        String t = truncate(text, width);
        return fixedRight(t, width);
    }

    public String center(String text) {
        String t = truncate(text, width);
        int pad = width - widthOf(t);
        return spaces(pad / 2) + t + spaces(pad - pad / 2);
    }

    /** {@code left} padded (or cut) so that {@code right} ends at the last column, one space between. */
    public String split(String left, String right) {
        int leftColumns = Math.max(0, width - widthOf(right) - 1);
        return fixedLeft(left, leftColumns) + " " + right;
    }

    public String border() {
        return "-".repeat(width);
    }

    /** 1234567 -> "1,234,567"; decimals are kept when there are any ("99.5"). */
    public static String comma(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0, RoundingMode.UNNECESSARY);
        }
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (v.signum() < 0 ? "-" : "") + grouped + fraction;
    }

    /** "\\1,000" with Kugel's default symbol; negative amounts "-\\10". */
    public static String yen(BigDecimal value, String symbol) {
        return value.signum() < 0 ? "-" + symbol + comma(value.negate()) : symbol + comma(value);
    }
}
