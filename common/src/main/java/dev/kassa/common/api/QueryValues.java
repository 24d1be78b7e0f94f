package dev.kassa.common.api;

/**
 * Query values the way FastAPI checks them in Kugel: a number that is not one is a 422 in the error
 * envelope (a JAX-RS {@code Integer} parameter would answer 404 instead), so such parameters are
 * taken as strings and read here.
 */
public final class QueryValues {
    private QueryValues() {
    }

    /** The whole number in {@code value}, or null when it is absent or blank. */
    public static Integer optionalInt(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("Invalid input data: " + name + ": must be a whole number, not '"
                    + value + "'");
        }
    }
}
