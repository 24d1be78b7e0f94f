package dev.kassa.cart.domain.payment;

import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.CartContext;
import dev.kassa.cart.domain.ItemToAdd;
import dev.kassa.cart.domain.Payment;
import dev.kassa.cart.domain.PaymentMethod;
import dev.kassa.cart.domain.PaymentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Payment plugins, their registry and the common payment rules. */
class PaymentTest {

    private static Cart paying() {
        return payingCartWith(ItemToAdd.of(item4901(), 2)); // balance 220
    }

    @ParameterizedTest(name = "cash {0} on 220 -> paid {1}, change {2}, balance {3}")
    @CsvSource({
            "1000, 220, 780, 0",
            "220,  220, 0,   0",
            "221,  220, 1,   0",
            "100,  100, 0,   120",
            "0,    0,   0,   220",
    })
    void cash(long deposit, long paid, long change, long balance) {
        Cart cart = paying();
        cart.addPayments(List.of(PaymentRequest.of("01", deposit)), CTX);
        Payment p = cart.payments().get(0);
        assertAmount(deposit, p.depositAmount());
        assertAmount(paid, p.paymentAmount());
        assertAmount(change, cart.changeAmount());
        assertAmount(balance, cart.balanceAmount());
        assertAmount(deposit, cart.depositAmount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12"})
    void noChangeMethodsTakeUpToTheBalance(String code) {
        Cart cart = paying();
        cart.addPayments(List.of(PaymentRequest.of(code, 220)), CTX);
        assertAmount(0, cart.balanceAmount());
        assertAmount(0, cart.changeAmount());
        assertEquals(code.equals("11") ? "Cashless" : "Others", cart.payments().get(0).paymentName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12"})
    void noChangeMethodsRefuseMoreThanTheBalance(String code) {
        Cart cart = paying();
        var e = assertApiError(406, "403004", () -> cart.addPayments(List.of(PaymentRequest.of(code, 221)), CTX));
        assertTrue(e.getMessage().contains("Deposit amount is more than balance"));
        assertTrue(cart.payments().isEmpty());
    }

    @Test
    void splitTender() {
        Cart cart = paying();
        cart.addPayments(List.of(PaymentRequest.of("11", 100), PaymentRequest.of("12", 20), PaymentRequest.of("01", 500)), CTX);
        assertEquals(List.of(1, 2, 3), cart.payments().stream().map(Payment::paymentNo).toList());
        assertAmount(100, cart.payments().get(2).paymentAmount());
        assertAmount(400, cart.changeAmount());
        assertAmount(620, cart.depositAmount());
        assertAmount(0, cart.balanceAmount());
    }

    @Test
    void balanceAlreadyZeroIs403001() {
        Cart cart = paying();
        cart.addPayments(List.of(PaymentRequest.of("01", 220)), CTX);
        assertApiError(406, "403001", () -> cart.addPayments(List.of(PaymentRequest.of("01", 1)), CTX));
        assertApiError(406, "403001", () -> paying().addPayments(
                List.of(PaymentRequest.of("01", 1000), PaymentRequest.of("11", 1)), CTX));
    }

    @Test
    void nothingToPayIs403001() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 1));
        cart.cancelLineItem(1, CTX);
        assertApiError(406, "403001", () -> cart.addPayments(List.of(PaymentRequest.of("01", 10)), CTX));
    }

    @Test
    void negativeAmountIs403003() {
        Cart cart = paying();
        assertApiError(406, "403003", () -> cart.addPayments(List.of(PaymentRequest.of("01", -1)), CTX));
        assertApiError(406, "403003", () -> cart.addPayments(List.of(PaymentRequest.of("11", -100)), CTX));
    }

    @Test
    void aPluginThatOverpaysIs403003() {
        PaymentPlugin broken = (balance, deposit) -> new Tender(deposit, balance.add(BigDecimal.ONE));
        CartContext ctx = CTX.withPaymentPlugins(PaymentRegistry.of(Map.of("01", broken)));
        assertApiError(406, "403003", () -> paying().addPayments(List.of(PaymentRequest.of("01", 500)), ctx));
    }

    @Test
    void aRefusedTenderLeavesThePreviousOnesOut() {
        Cart cart = paying();
        long version = cart.version();
        assertApiError(406, "403004", () -> cart.addPayments(
                List.of(PaymentRequest.of("01", 100), PaymentRequest.of("11", 500)), CTX));
        assertTrue(cart.payments().isEmpty());
        assertAmount(220, cart.balanceAmount());
        assertEquals(version, cart.version());
    }

    @Test
    void aCodeWithoutPluginIs422() {
        assertApiError(422, "300001", () -> paying().addPayments(List.of(PaymentRequest.of("99", 10)), CTX));
    }

    @Test
    void aCodeMissingFromThePaymentMasterIs404() {
        CartContext ctx = CTX.withPaymentMethods(Map.of("01", PaymentMethod.defaults().get("01")));
        assertApiError(404, "100001", () -> paying().addPayments(List.of(PaymentRequest.of("11", 10)), ctx));
    }

    @Test
    void theNameComesFromThePaymentMaster() {
        Map<String, PaymentMethod> methods = new HashMap<>(PaymentMethod.defaults());
        methods.put("01", new PaymentMethod("01", "現金", BigDecimal.ZERO, true, true, true, true));
        Cart cart = paying().addPayments(List.of(PaymentRequest.of("01", 300)), CTX.withPaymentMethods(methods));
        assertEquals("現金", cart.payments().get(0).paymentName());
    }

    @Test
    void defaultRegistryIsKugelsPluginsJson() {
        PaymentRegistry registry = PaymentRegistry.defaults();
        assertEquals(java.util.Set.of("01", "11", "12"), registry.codes());
        assertInstanceOf(CashPayment.class, registry.require("01"));
        assertInstanceOf(CashlessPayment.class, registry.require("11"));
        assertInstanceOf(OtherPayment.class, registry.require("12"));
    }

    @Test
    void aNewMethodIsOneClassAndOneConfigLine() {
        Map<String, String> config = new HashMap<>(PaymentRegistry.DEFAULT_CONFIG);
        config.put("13", "dev.kassa.cart.domain.payment.VoucherPayment");
        config.put("01", "dev.kassa.cart.domain.payment.CashPayment"); // fully qualified works too
        Map<String, PaymentMethod> methods = new HashMap<>(PaymentMethod.defaults());
        methods.put("13", new PaymentMethod("13", "Voucher", BigDecimal.ZERO, false, false, false, true));
        CartContext ctx = CTX.withPaymentPlugins(PaymentRegistry.fromConfig(config)).withPaymentMethods(methods);

        Cart cart = paying().addPayments(List.of(PaymentRequest.of("13", 500)), ctx);
        assertEquals("Voucher", cart.payments().get(0).paymentName());
        assertAmount(220, cart.payments().get(0).paymentAmount());
        assertAmount(0, cart.changeAmount());
        assertAmount(0, cart.balanceAmount());
    }

    @Test
    void aBadConfigFailsAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> PaymentRegistry.fromConfig(Map.of("01", "NoSuchPlugin")));
        assertThrows(IllegalArgumentException.class, () -> PaymentRegistry.fromConfig(Map.of("01", "java.lang.String")));
    }

    @Test
    void pluginsAlone() {
        assertEquals(new Tender(new BigDecimal("1000"), new BigDecimal("220")), new CashPayment().tender(new BigDecimal("220"), new BigDecimal("1000")));
        assertEquals(new Tender(new BigDecimal("100"), new BigDecimal("100")), new CashPayment().tender(new BigDecimal("220"), new BigDecimal("100")));
        assertEquals(new Tender(new BigDecimal("220"), new BigDecimal("220")), new CashlessPayment().tender(new BigDecimal("220"), new BigDecimal("220")));
        assertApiError(406, "403004", () -> new OtherPayment().tender(new BigDecimal("220"), new BigDecimal("220.01")));
    }
}
