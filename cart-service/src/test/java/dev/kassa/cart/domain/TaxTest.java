package dev.kassa.cart.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** External, internal, exempt, rounding digits and methods, grouping per tax code. */
class TaxTest {

    @ParameterizedTest(name = "{1} {2}% digit {3} {4} on {0} -> {5}")
    @CsvSource(nullValues = "null", value = {
            // target, type, rate, roundDigit, method, expected
            "200,  External, 10, -1, Floor, 20",
            "199,  External, 10, -1, Floor, 19",
            "199,  External, 10, -1, Round, 20",
            "194,  External, 10, -1, Round, 19",
            "195,  External, 10, -1, Round, 20",   // 19.5 half up
            "191,  External, 10, -1, Ceil,  20",
            "190,  External, 10, -1, Ceil,  19",   // exact: no ceiling step
            "199,  External, 10,  0, Floor, 19",   // digit 0 == digit -1: whole units
            "199,  External, 10,  2, Floor, 19.90",
            "1999, External,  8,  1, Floor, 159.9", // 159.92
            "1999, External,  8,  1, Ceil,  160.0",
            "33,   External, 10, -1, Round, 3",
            "35,   External, 10, -1, Round, 4",
            "0,    External, 10, -1, Floor, 0",
            "199,  External, 10, -1, null,  19.9",  // no method: exact
            "1100, Internal, 10, -1, Floor, 100",
            "110,  Internal, 10, -1, Floor, 10",    // exactly 10, never 9.999…
            "11,   Internal, 10, -1, Floor, 1",
            "1000, Internal, 10, -1, Floor, 90",    // 90.909…
            "1000, Internal, 10, -1, Round, 91",
            "1000, Internal, 10, -1, Ceil,  91",
            "1080, Internal,  8, -1, Floor, 80",
            "1000, Internal,  8, -1, Floor, 74",    // 74.074…
            "1000, Internal,  8,  2, Round, 74.07",
            "1000, Internal,  8,  2, Ceil,  74.08",
            "1000, Exempt,    0, -1, Floor, 0",
            "1000, Exempt,    0,  0, null,  0",
    })
    void taxOnTarget(String target, TaxType type, String rate, int digit, RoundMethod method, String expected) {
        TaxRule rule = new TaxRule("XX", type, "x", new BigDecimal(rate), digit, method);
        BigDecimal tax = rule.taxOn(new BigDecimal(target));
        assertAmount(expected, tax);
        if (method != null) {
            assertEquals(Math.max(0, digit), tax.scale(), "scale follows roundDigit");
        }
    }

    @Test
    void defaultMasterIsKugels() {
        TaxMaster m = TaxMaster.defaults();
        assertEquals(5, m.rules().size());
        assertRule(m.require("00"), TaxType.Exempt, "非課税", 0);
        assertRule(m.require("01"), TaxType.External, "外税10%", 10);
        assertRule(m.require("02"), TaxType.Internal, "内税10%", 10);
        assertRule(m.require("11"), TaxType.External, "外税 8%", 8);
        assertRule(m.require("12"), TaxType.Internal, "内税 8%", 8);
        for (String code : List.of("01", "02", "11", "12")) {
            assertEquals(-1, m.require(code).roundDigit());
            assertEquals(RoundMethod.Floor, m.require(code).roundMethod());
        }
        assertApiError(422, "300001", () -> m.require("99"));
    }

    private static void assertRule(TaxRule rule, TaxType type, String name, int rate) {
        assertEquals(type, rule.taxType());
        assertEquals(name, rule.taxName());
        assertAmount(rate, rule.rate());
    }

    @Test
    void mixedCart() {
        Cart cart = cartWith(
                ItemToAdd.of(item("A", 1000, "01"), 1),
                ItemToAdd.of(item("B", 1100, "02"), 1),
                ItemToAdd.of(item("C", 500, "00"), 1),
                ItemToAdd.of(item("D", 250, "11"), 2),
                ItemToAdd.of(item("E", 1080, "12"), 1));
        List<Tax> taxes = cart.taxes();
        assertEquals(List.of("01", "02", "00", "11", "12"), taxes.stream().map(Tax::taxCode).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), taxes.stream().map(Tax::taxNo).toList());
        assertAmount(100, taxes.get(0).taxAmount());
        assertAmount(100, taxes.get(1).taxAmount());
        assertAmount(0, taxes.get(2).taxAmount());
        assertAmount(40, taxes.get(3).taxAmount());
        assertEquals(2, taxes.get(3).targetQuantity());
        assertAmount(500, taxes.get(3).targetAmount());
        assertAmount(80, taxes.get(4).taxAmount());
        assertEquals(TaxType.Internal, taxes.get(4).taxType());

        assertAmount(4180, cart.totalAmount());
        assertAmount(140, cart.taxAmount()); // external only
        assertAmount(4320, cart.totalAmountWithTax());
        assertAmount(4320, cart.balanceAmount());
    }

    @Test
    void internalTaxIsNotAddedToTheTotal() {
        Cart cart = cartWith(ItemToAdd.of(item("B", 1100, "02"), 1));
        assertAmount(100, cart.taxes().get(0).taxAmount());
        assertAmount(1100, cart.totalAmount());
        assertAmount(0, cart.taxAmount());
        assertAmount(1100, cart.totalAmountWithTax());
    }

    @Test
    void exemptOnly() {
        Cart cart = cartWith(ItemToAdd.of(item("C", 500, "00"), 3));
        assertEquals(TaxType.Exempt, cart.taxes().get(0).taxType());
        assertEquals("非課税", cart.taxes().get(0).taxName());
        assertAmount(0, cart.taxes().get(0).taxAmount());
        assertAmount(1500, cart.totalAmountWithTax());
    }

    @Test
    void roundingIsOnTheAggregateOfATaxCode() {
        // 105 + 105 at 10%: per line 10.5 + 10.5 would floor to 20; on the group 21.0 -> 21
        Cart cart = cartWith(ItemToAdd.of(item("A", 105, "01"), 1), ItemToAdd.of(item("B", 105, "01"), 1));
        assertEquals(1, cart.taxes().size());
        assertAmount(210, cart.taxes().get(0).targetAmount());
        assertAmount(21, cart.taxes().get(0).taxAmount());
        assertEquals(2, cart.taxes().get(0).targetQuantity());
    }

    @Test
    void aTaxMasterWithOtherRoundingIsUsedAsGiven() {
        TaxMaster rounding = TaxMaster.of(List.of(new TaxRule("01", TaxType.External, "VAT", bd(10), 0, RoundMethod.Round)));
        CartContext ctx = CTX.withTaxMaster(rounding);
        Cart cart = newCart().addItems(List.of(ItemToAdd.of(item("A", 195, "01"), 1)), ctx);
        assertAmount(20, cart.taxes().get(0).taxAmount());
        assertEquals("VAT", cart.taxes().get(0).taxName());
        assertAmount(215, cart.totalAmountWithTax());
    }

    @Test
    void fractionalPricesStayExactUntilTheTaxIsRounded() {
        Cart cart = cartWith(new ItemToAdd(item("A", 0, "01"), 3, bd("33.33")));
        assertAmount("99.99", cart.totalAmount());
        assertAmount(9, cart.taxAmount()); // 9.999 floored
        assertAmount("108.99", cart.totalAmountWithTax());
    }
}
