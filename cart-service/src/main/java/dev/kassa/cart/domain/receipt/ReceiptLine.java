package dev.kassa.cart.domain.receipt;

/** One header or footer line from the RECEIPT_HEADERS / RECEIPT_FOOTERS settings. */
public record ReceiptLine(String text, Align align) {

    public enum Align {
        left, center, right;

        /** Unknown or missing alignments fall back to left, as in Kugel. */
        public static Align parse(Object value) {
            if (value != null) {
                for (Align a : values()) {
                    if (a.name().equals(String.valueOf(value).trim())) {
                        return a;
                    }
                }
            }
            return left;
        }
    }

    public ReceiptLine {
        text = text == null ? "" : text;
        align = align == null ? Align.left : align;
    }

    public static ReceiptLine left(String text) {
        return new ReceiptLine(text, Align.left);
    }

    public static ReceiptLine center(String text) {
        return new ReceiptLine(text, Align.center);
    }

    public static ReceiptLine right(String text) {
        return new ReceiptLine(text, Align.right);
    }
}
