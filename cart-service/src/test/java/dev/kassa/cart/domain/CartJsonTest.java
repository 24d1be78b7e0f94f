package dev.kassa.cart.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.cart.domain.promotion.Promotion;
import dev.kassa.common.json.KassaObjectMapperCustomizer;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The cart survives Redis (JSON round trip) and the API view has the contract's field names. */
class CartJsonTest {
    static final ObjectMapper MAPPER = KassaObjectMapperCustomizer.apply(new ObjectMapper());

    private static Cart busyCart() {
        CartContext ctx = CTX.withPromotions(List.of(Promotion.categoryDiscount("P1", "Promo", 10, "001")));
        Cart cart = newCart().addItems(List.of(ItemToAdd.of(item4901(), 2), ItemToAdd.of(item("B", 300, "02", "002", true), 1)), ctx);
        cart.setLineDiscounts(1, List.of(DiscountRequest.amount(5)), ctx);
        cart.updateUnitPrice(2, bd(280), ctx);
        cart.subtotal(ctx).setSubtotalDiscounts(List.of(DiscountRequest.percentage(5)), ctx);
        cart.addPayments(List.of(PaymentRequest.of("11", 100)), ctx);
        return cart;
    }

    @Test
    void roundTripKeepsEverything() throws Exception {
        Cart cart = busyCart();
        String json = MAPPER.writeValueAsString(cart);
        Cart back = MAPPER.readValue(json, Cart.class);
        assertEquals(json, MAPPER.writeValueAsString(back));
        assertEquals(cart.version(), back.version());
        assertEquals(CartState.Paying, back.cartStatus());
        assertEquals(cart.lineItems(), back.lineItems());
        assertEquals(cart.payments(), back.payments());
        assertEquals(cart.taxes(), back.taxes());
        assertAmount(cart.balanceAmount().toPlainString(), back.balanceAmount());

        // and the restored cart keeps working
        back.addPayments(List.of(PaymentRequest.of("01", 10000)), CTX);
        billed(back);
        assertEquals(CartState.Completed, back.cartStatus());
        Cart again = MAPPER.readValue(MAPPER.writeValueAsString(back), Cart.class);
        assertEquals(back.receiptText(), again.receiptText());
        assertEquals(111111, again.receiptNo());
    }

    @Test
    void storedFormNamesAreCamelCase() throws Exception {
        JsonNode json = MAPPER.valueToTree(busyCart());
        assertTrue(json.has("version"));
        assertTrue(json.has("cartStatus"));
        assertEquals("Paying", json.get("cartStatus").asText());
        JsonNode line = json.at("/lineItems/0");
        assertTrue(line.has("isCancelled"));
        assertTrue(line.has("isDiscountRestricted"));
        assertTrue(line.has("isUnitPriceChanged"));
        assertFalse(line.has("cancelled"));
        assertEquals("DiscountAmount", line.at("/discounts/0/discountType").asText());
    }

    @Test
    void viewHasTheContractFields() {
        JsonNode json = MAPPER.valueToTree(CartView.of(busyCart()));
        assertEquals(Set.of("cartId", "cartStatus", "subtotalAmount", "balanceAmount", "tenantId", "storeCode", "storeName",
                "terminalNo", "totalAmount", "totalAmountWithTax", "totalQuantity", "totalDiscountAmount", "depositAmount",
                "changeAmount", "stampDutyAmount", "receiptNo", "transactionNo", "transactionType", "businessDate",
                "generateDateTime", "lineItems", "payments", "taxes", "subtotalDiscounts", "receiptText", "journalText",
                "staff", "status"), names(json));
        Cart forAsha = busyCart().attachCustomer(new Customer("ASHA", "Asha", "gold", bd(10), null), CTX);
        Set<String> withCustomer = new java.util.HashSet<>(names(json));
        withCustomer.add("customer"); // Kassa's addition, only when the cart has a customer
        JsonNode viewed = MAPPER.valueToTree(CartView.of(forAsha));
        assertEquals(withCustomer, names(viewed));
        assertEquals(Set.of("customerCode", "name", "loyaltyTier", "pointsAvailable", "creditAvailable"),
                names(viewed.get("customer")));
        assertEquals("ASHA", viewed.at("/customer/customerCode").asText());
        assertEquals(Set.of("lineNo", "itemCode", "itemName", "categoryCode", "unitPrice", "unitPriceOriginal",
                "isUnitPriceChanged", "quantity", "amount", "discounts", "imageUrls", "isCancelled", "isDiscountRestricted"),
                names(json.at("/lineItems/0")));
        assertEquals(Set.of("discountType", "discountValue", "discountAmount", "discountDetail", "promotionCode",
                "promotionType"), names(json.at("/lineItems/0/discounts/0")));
        assertEquals(Set.of("paymentNo", "paymentCode", "paymentName", "paymentAmount", "paymentDetail"),
                names(json.at("/payments/0")));
        assertEquals(Set.of("taxNo", "taxCode", "taxType", "taxName", "taxAmount", "targetAmount", "targetQuantity"),
                names(json.at("/taxes/0")));
        assertEquals(Set.of("id", "name"), names(json.get("staff")));
        assertEquals(Set.of("isCancelled", "isVoided", "isRefunded"), names(json.get("status")));
        assertEquals(-1, json.get("transactionNo").intValue());
        assertEquals(-1, json.get("receiptNo").intValue());
        assertEquals("External", json.at("/taxes/0/taxType").asText());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
