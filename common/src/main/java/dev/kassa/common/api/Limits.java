package dev.kassa.common.api;

/**
 * The bounds of every input, in one place (the README's "Input limits" table repeats them). They are
 * generous for a real store and small enough that the largest legal sale still fits one Kafka record.
 * Request records use the constraint annotations in {@code dev.kassa.common.api.bounds}, which are
 * built on these numbers.
 */
public final class Limits {
    /** Codes: items, stores, categories, staff, payments, promotions, books, terminals' store codes. */
    public static final int CODE_MAX = 64;
    /** Names and descriptions shown to people (items, stores, staff, categories). */
    public static final int NAME_MAX = 255;
    /** Free text: notes, reasons, comments. */
    public static final int TEXT_MAX = 1000;
    /** Staff PINs and passwords; bcrypt reads at most 72 bytes, so longer is refused, not cut. */
    public static final int SECRET_MAX = 64;
    /** Lines of one cart (items, discounts and payments each); a real basket is far below. */
    public static final int CART_LINES_MAX = 1000;
    /** Entries of any list in one request body (item codes, image URLs, target stores ...). */
    public static final int LIST_MAX = 1000;
    /** Money: integer digits and fraction digits of prices and amounts. */
    public static final int AMOUNT_INTEGER_DIGITS = 12;
    public static final int AMOUNT_FRACTION_DIGITS = 4;
    /** Quantities: integer and fraction digits. */
    public static final int QUANTITY_INTEGER_DIGITS = 9;
    public static final int QUANTITY_FRACTION_DIGITS = 3;
    /** Paging: page is 1..PAGE_MAX, limit 1..PageRequest.MAX_LIMIT, so every offset fits. */
    public static final int PAGE_MAX = 1_000_000;
    /** No control characters (NUL, newlines, escapes) in codes. */
    public static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

    private Limits() {
    }
}
