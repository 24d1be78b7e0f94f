package dev.kassa.cart.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

/** Receipt number wrapping and transaction numbering. */
class CountersTest {

    @ParameterizedTest(name = "last {0} in 111111..999999 -> {1}")
    @CsvSource(nullValues = "null", value = {
            "null,   111111",  // the first number is the start
            "111111, 111112",
            "500000, 500001",
            "999998, 999999",
            "999999, 111111",  // the end wraps to the start
            "1000005, 111111", // above the range (settings changed): restart
            "5,      111111",  // below the range: restart
    })
    void receiptNumbers(Long last, long expected) {
        assertEquals(expected, ReceiptCounter.defaults().next(last));
    }

    @Test
    void aSmallRangeWrapsAroundAndAround() {
        ReceiptCounter counter = new ReceiptCounter(1, 3);
        Long last = null;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            last = counter.next(last);
            seen.append(last);
        }
        assertEquals("1231231", seen.toString());
        assertEquals(5, new ReceiptCounter(5, 5).next(5L));
    }

    @Test
    void settingsValues() {
        assertEquals(new ReceiptCounter(111111, 999999), ReceiptCounter.fromSettings(null, null));
        assertEquals(new ReceiptCounter(1000, 1999), ReceiptCounter.fromSettings("1000", " 1999 "));
        assertEquals(ReceiptCounter.defaults(), ReceiptCounter.fromSettings("abc", "1999"), "unreadable start -> defaults");
        assertEquals(ReceiptCounter.defaults(), ReceiptCounter.fromSettings("2000", "1000"), "inverted range -> defaults");
    }

    @Test
    void invalidRanges() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiptCounter(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ReceiptCounter(10, 9));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, 1", "0, 1", "1, 2", "41, 42", "999999, 1000000"})
    void transactionNumbersNeverWrap(Long last, long expected) {
        assertEquals(expected, TransactionCounter.next(last));
    }
}
