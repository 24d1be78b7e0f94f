package dev.kassa.cart.domain;

import dev.kassa.cart.domain.receipt.ReceiptSettings;
import dev.kassa.common.api.ApiException;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared test data: Kugel's seed (tenant T9999, store 5678, terminal 9, item 49-01 120/100, tax 01). */
public final class Fixtures {
    public static final OffsetDateTime NOW = OffsetDateTime.of(2025, 5, 1, 12, 34, 56, 0, ZoneOffset.ofHours(9));
    public static final Staff STAFF = new Staff("S001", "Staff1");
    public static final CartContext CTX = CartContext.defaults();
    public static final TransactionNumbers FIRST_NUMBERS = new TransactionNumbers(1, 111111);

    private Fixtures() {
    }

    public static TerminalInfo terminal() {
        return new TerminalInfo("T9999", "5678", "テスト店舗", 9, TerminalInfo.OPENED, "20250501", 1, 1, STAFF);
    }

    public static Cart newCart() {
        return Cart.create("cart-1", terminal(), 101, new Staff("99", "John Doe"), NOW);
    }

    /** Item 49-01 of the flows: common price 120, store price 100, tax 01 (external 10%). */
    public static ItemMaster item4901() {
        return new ItemMaster("49-01", "Item1", bd(120), bd(100), "001", "01", false, List.of());
    }

    public static ItemMaster item(String code, long price, String taxCode) {
        return new ItemMaster(code, "Item " + code, bd(price), null, "001", taxCode, false, List.of());
    }

    public static ItemMaster item(String code, long price, String taxCode, String category, boolean restricted) {
        return new ItemMaster(code, "Item " + code, bd(price), null, category, taxCode, restricted, List.of());
    }

    public static Cart cartWith(ItemToAdd... items) {
        return newCart().addItems(List.of(items), CTX);
    }

    /** A cart in Paying with the given items. */
    public static Cart payingCartWith(ItemToAdd... items) {
        return cartWith(items).subtotal(CTX);
    }

    public static Cart billed(Cart cart) {
        return cart.bill(FIRST_NUMBERS, NOW, ReceiptSettings.none());
    }

    public static BigDecimal bd(long value) {
        return BigDecimal.valueOf(value);
    }

    public static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    /** Numeric equality, whatever the scale (200 == 200.00). */
    public static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    public static void assertAmount(long expected, BigDecimal actual) {
        assertAmount(String.valueOf(expected), actual);
    }

    /** Runs {@code action}, expects an ApiException with this HTTP status and error code. */
    public static ApiException assertApiError(int status, String code, Executable action) {
        ApiException e = assertThrows(ApiException.class, action);
        assertEquals(status, e.status(), () -> "status of: " + e.getMessage());
        assertEquals(code, e.errorCode(), () -> "code of: " + e.getMessage());
        return e;
    }
}
