package dev.kassa.cart.domain.receipt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** RECEIPT_HEADERS / RECEIPT_FOOTERS values: JSON or Python literals. */
class ReceiptSettingParserTest {

    @Test
    void pythonLiteralAsInKugelsFlows() {
        assertEquals(List.of(ReceiptLine.left("h1")), ReceiptSettingParser.parseLines("[{'text':'h1','align':'left'}]"));
    }

    @Test
    void json() {
        assertEquals(List.of(ReceiptLine.center("ようこそ"), ReceiptLine.right("Tel 03-0000-0000")),
                ReceiptSettingParser.parseLines("[{\"text\": \"ようこそ\", \"align\": \"center\"}, {\"text\": \"Tel 03-0000-0000\", \"align\": \"right\"}]"));
    }

    @Test
    void lenientDetails() {
        List<ReceiptLine> lines = ReceiptSettingParser.parseLines(
                "[ {'text': 'It\\'s', 'align': 'middle'}, {'align': 'center'}, 'plain', {'text': None}, ]");
        assertEquals(List.of(ReceiptLine.left("It's"), ReceiptLine.center(""), ReceiptLine.left("plain"), ReceiptLine.left("")), lines);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "not a list", "[{'text': 'x'", "{'text': 'x'}", "[1, 2", "[{'text' 'x'}]"})
    void unreadableValuesGiveNoLines(String value) {
        assertEquals(List.of(), ReceiptSettingParser.parseLines(value));
    }

    @Test
    void literals() {
        assertEquals(List.of(Boolean.TRUE, Boolean.FALSE, new BigDecimal("1.5"), "a\nb", Map.of("k", List.of())),
                ReceiptSettingParser.parse("[True, false, 1.5, \"a\\nb\", {'k': []}]"));
        assertNull(ReceiptSettingParser.parse("None"));
        assertEquals("é", ReceiptSettingParser.parse("'\\u00e9'"));
    }

    @Test
    void settingsFromValues() {
        ReceiptSettings s = ReceiptSettings.fromSettingValues("[{'text':'h','align':'center'}]", null, " ");
        assertEquals(List.of(ReceiptLine.center("h")), s.headers());
        assertEquals(List.of(), s.footers());
        assertNull(s.invoiceRegistrationNumber());
    }
}
