package dev.kassa.cart.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Receipt stamp duty tiers, their boundaries, and the cash-portion rule. */
class StampDutyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0,             0",
            "49999,         0",
            "50000,         200",
            "999999,        200",
            "1000000,       400",
            "1999999,       400",
            "2000000,       600",
            "2999999,       600",
            "3000000,       1000",
            "5000000,       2000",
            "10000000,      4000",
            "20000000,      6000",
            "30000000,      10000",
            "50000000,      20000",
            "100000000,     40000",
            "200000000,     60000",
            "300000000,     100000",
            "499999999,     100000",
            "500000000,     150000",
            "999999999,     150000",
            "1000000000,    200000",
            "5000000000,    200000",
    })
    void tiers(long amount, long duty) {
        StampDuty result = StampDutyTable.japan().evaluate(bd(amount), bd(amount));
        assertEquals(duty > 0, result.isStampDutyApplied());
        assertAmount(duty, result.stampDutyAmount());
        assertAmount(duty > 0 ? amount : 0, result.stampDutyTargetAmount());
    }

    @ParameterizedTest(name = "without tax {0}, cash {1} -> {2}")
    @CsvSource({
            "100000,  30000,   0",     // mostly cashless: the cash part is under 50,000
            "100000,  50000,   200",
            "40000,   60000,   0",     // cash above the tier but the sale without tax under it
            "2500000, 1200000, 400",   // the lower of the two decides the tier
            "1200000, 2500000, 400",
    })
    void bothTheAmountWithoutTaxAndTheCashMustReachTheTier(long withoutTax, long cash, long duty) {
        StampDuty result = StampDutyTable.japan().evaluate(bd(withoutTax), bd(cash));
        assertAmount(duty, result.stampDutyAmount());
        if (duty > 0) {
            assertAmount(cash, result.stampDutyTargetAmount());
        }
    }

    @Test
    void onACart() {
        // 60,000 + 10% = 66,000 with tax; 60,000 without tax; all in cash -> 200 on 66,000 cash
        Cart cart = payingCartWith(ItemToAdd.of(item("TV", 60000, "01"), 1));
        cart.addPayments(List.of(PaymentRequest.of("01", 70000)), CTX);
        assertTrue(cart.stampDuty().isStampDutyApplied());
        assertAmount(200, cart.stampDuty().stampDutyAmount());
        assertAmount(66000, cart.stampDuty().stampDutyTargetAmount());
        billed(cart);
        assertAmount(200, CartView.of(cart).stampDutyAmount());
        assertTrue(cart.receiptText().contains("印紙代200円"));
        assertTrue(TranLogMapper.fromCart(cart, "e").sales().isStampDutyApplied());
    }

    @Test
    void theCashPortionDecides() {
        Cart cart = payingCartWith(ItemToAdd.of(item("TV", 60000, "01"), 1));
        cart.addPayments(List.of(PaymentRequest.of("11", 20000), PaymentRequest.of("01", 46000)), CTX);
        assertFalse(cart.stampDuty().isStampDutyApplied()); // 46,000 cash
        assertAmount(0, cart.stampDuty().stampDutyAmount());
        assertFalse(billed(cart).receiptText().contains("印紙代"));
    }

    @Test
    void internalTaxIsTakenOutOfTheAmount() {
        // 54,000 incl. 8% internal tax -> 50,000 without tax: the 200 tier applies
        Cart cart = payingCartWith(ItemToAdd.of(item("X", 54000, "12"), 1));
        cart.addPayments(List.of(PaymentRequest.of("01", 54000)), CTX);
        assertAmount(200, cart.stampDuty().stampDutyAmount());
        Cart below = payingCartWith(ItemToAdd.of(item("X", 53998, "12"), 1));
        below.addPayments(List.of(PaymentRequest.of("01", 53998)), CTX);
        assertFalse(below.stampDuty().isStampDutyApplied());
    }

    @Test
    void aCustomTable() {
        StampDutyTable table = new StampDutyTable(List.of(StampDutyTable.Tier.of(100, 1), StampDutyTable.Tier.of(1000, 5)), "11");
        assertAmount(5, table.evaluate(bd(2000), bd(1500)).stampDutyAmount());
        assertAmount(1, table.evaluate(bd(2000), bd(500)).stampDutyAmount());
        Cart cart = newCart().addItems(List.of(ItemToAdd.of(item("A", 150, "00"), 1)), CTX.withStampDuty(table));
        cart.subtotal(CTX.withStampDuty(table)).addPayments(List.of(PaymentRequest.of("11", 150)), CTX.withStampDuty(table));
        assertAmount(1, cart.stampDuty().stampDutyAmount());
    }
}
