package dev.kassa.cart.domain.receipt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class TextLayoutTest {
    final TextLayout layout = new TextLayout(32);

    @ParameterizedTest(name = "''{0}'' is {1} columns")
    @CsvSource({"abc, 3", "領収証, 6", "【 領 収 証 】, 14", "レジNo. 9, 9", "ｱｲｳ, 3", "外税10%, 7", "'¥1,000', 6", "'', 0"})
    void widths(String text, int columns) {
        assertEquals(columns, TextLayout.widthOf(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 0", "999, 999", "1000, '1,000'", "1234567, '1,234,567'", "-1000, '-1,000'", "200.00, 200",
            "99.50, 99.5", "1E+3, '1,000'"})
    void comma(String value, String expected) {
        assertEquals(expected, TextLayout.comma(new BigDecimal(value)));
    }

    @Test
    void yen() {
        assertEquals("\\1,000", TextLayout.yen(new BigDecimal("1000"), "\\"));
        assertEquals("-\\10", TextLayout.yen(new BigDecimal("-10"), "\\"));
        assertEquals("-€10", TextLayout.yen(new BigDecimal("-10"), "€"));
    }

    @Test
    void split() {
        String line = layout.split("小計", "¥200  ");
        assertEquals(32, TextLayout.widthOf(line));
        assertTrue(line.startsWith("小計 "));
        assertTrue(line.endsWith(" ¥200  "));
        String cut = layout.split("とても長い商品名とても長い商品名とても長い", "1,000外");
        assertEquals(32, TextLayout.widthOf(cut));
        assertTrue(cut.endsWith(" 1,000外"));
    }

    @Test
    void alignments() {
        assertEquals("                           Kassa", layout.right("Kassa"));
        assertEquals("             Kassa              ", layout.center("Kassa"));
        assertEquals("Kassa", layout.left("Kassa"));
        assertEquals("-".repeat(32), layout.border());
        assertEquals(32, TextLayout.widthOf(layout.center("【 領 収 証 】")));
        assertEquals("ab", TextLayout.truncate("ab領", 3)); // a wide char is not split
    }
}
