package dev.kassa.cart.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.cart.domain.promotion.Promotion;
import dev.kassa.cart.domain.receipt.ReceiptLine;
import dev.kassa.cart.domain.receipt.ReceiptSettings;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.json.KassaObjectMapperCustomizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Bill and cancel as the tranlog of pos.tranlog (common's TranLog, snake_case). */
class TranLogMapperTest {

    static final ObjectMapper MAPPER = KassaObjectMapperCustomizer.apply(new ObjectMapper());

    private static Cart aBilledSale() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(new PaymentRequest("01", bd(1000), "Cash payment")), CTX);
        return cart.bill(FIRST_NUMBERS, NOW, new ReceiptSettings(List.of(ReceiptLine.center("Kassa")), List.of(), "T1234567890123"));
    }

    @Test
    void billedSale() {
        TranLog t = TranLogMapper.fromCart(aBilledSale(), "evt-1");
        assertEquals("evt-1", t.eventId());
        assertEquals("tranlog", t.eventType());
        assertEquals("T9999", t.tenantId());
        assertEquals("5678", t.storeCode());
        assertEquals("テスト店舗", t.storeName());
        assertEquals(9, t.terminalNo());
        assertEquals(1, t.transactionNo());
        assertEquals(111111, t.receiptNo());
        assertEquals(101, t.transactionType());
        assertEquals("20250501", t.businessDate());
        assertEquals(1, t.openCounter());
        assertEquals(1, t.businessCounter());
        assertEquals("2025-05-01T12:34:56+09:00", t.generateDateTime());
        assertEquals(new TranLog.Person("S001", "Staff1"), t.staff());
        assertEquals(new TranLog.Person("99", "John Doe"), t.user());

        TranLog.Sales s = t.sales();
        assertAmount(200, s.totalAmount());
        assertAmount(220, s.totalAmountWithTax());
        assertAmount(20, s.taxAmount());
        assertEquals(2, s.totalQuantity());
        assertAmount(780, s.changeAmount());
        assertAmount(0, s.totalDiscountAmount());
        assertFalse(s.isCancelled());
        assertFalse(s.isStampDutyApplied());

        TranLog.LineItem l = t.lineItems().get(0);
        assertEquals("49-01", l.itemCode());
        assertEquals("Item1", l.itemName());
        assertEquals("001", l.categoryCode());
        assertEquals("01", l.taxCode());
        assertAmount(100, l.unitPrice());
        assertEquals(2, l.quantity());
        assertAmount(200, l.amount());

        TranLog.Payment p = t.payments().get(0);
        assertEquals(1, p.paymentNo());
        assertEquals("01", p.paymentCode());
        assertEquals("Cash", p.description());
        assertAmount(1000, p.depositAmount());
        assertAmount(220, p.amount());
        assertEquals("Cash payment", p.detail());

        TranLog.Tax tax = t.taxes().get(0);
        assertEquals("External", tax.taxType());
        assertAmount(20, tax.taxAmount());
        assertNull(t.origin());
        assertTrue(t.receiptText().startsWith(" "), "centered header");
        assertEquals(t.receiptText(), t.journalText());
        assertEquals("cart-1", t.additionalInfo().get("cart_id"));
        assertEquals("T1234567890123", t.additionalInfo().get("invoice_registration_number"));
    }

    @Test
    void cancelledCart() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.cancel(new TransactionNumbers(2, 111112), NOW, ReceiptSettings.none());
        TranLog t = TranLogMapper.fromCart(cart, "evt-2");
        assertTrue(t.sales().isCancelled());
        assertEquals(2, t.transactionNo());
        assertEquals(111112, t.receiptNo());
        assertEquals(101, t.transactionType());
        assertAmount(220, t.sales().totalAmountWithTax());
    }

    @Test
    void discountsAndAllocationsAreCarried() {
        CartContext ctx = CTX.withPromotions(List.of(Promotion.categoryDiscount("P1", "Promo", 10, "001")));
        Cart cart = newCart().addItems(List.of(ItemToAdd.of(item4901(), 2)), ctx);
        cart.subtotal(ctx).setSubtotalDiscounts(List.of(DiscountRequest.amount(30)), ctx);
        TranLog t = TranLogMapper.fromCart(cart, "e");
        TranLog.Discount promo = t.lineItems().get(0).discounts().get(0);
        assertEquals("DiscountPercentage", promo.discountType());
        assertEquals("P1", promo.promotionCode());
        assertEquals("category_discount", promo.promotionType());
        assertAmount(20, promo.discountAmount());
        TranLog.AllocatedDiscount a = t.lineItems().get(0).discountsAllocated().get(0);
        assertEquals(new TranLog.AllocatedDiscount(1, "DiscountAmount", bd(30), 2), a);
        assertEquals("DiscountAmount", t.subtotalDiscounts().get(0).discountType());
        assertAmount(150, t.sales().totalAmount());
        assertAmount(50, t.sales().totalDiscountAmount());
    }

    @Test
    void snakeCaseOnTheWire() throws Exception {
        JsonNode json = MAPPER.valueToTree(TranLogMapper.fromCart(aBilledSale(), "evt-1"));
        for (String field : List.of("event_id", "event_type", "tenant_id", "store_code", "store_name", "terminal_no",
                "transaction_no", "transaction_type", "business_date", "open_counter", "business_counter",
                "generate_date_time", "receipt_no", "user", "staff", "sales", "line_items", "payments", "taxes",
                "subtotal_discounts", "origin", "receipt_text", "journal_text", "additional_info")) {
            assertTrue(json.has(field), field);
        }
        assertEquals(220, json.at("/sales/total_amount_with_tax").intValue());
        assertTrue(json.at("/sales/is_cancelled").isBoolean());
        assertEquals("49-01", json.at("/line_items/0/item_code").asText());
        assertTrue(json.at("/line_items/0/discounts_allocated").isArray());
        assertEquals(1000, json.at("/payments/0/deposit_amount").intValue());
        assertEquals("外税10%", json.at("/taxes/0/tax_name").asText());
        TranLog original = TranLogMapper.fromCart(aBilledSale(), "evt-1");
        TranLog back = MAPPER.readValue(MAPPER.writeValueAsString(original), TranLog.class);
        assertEquals(original, back);
    }
}
