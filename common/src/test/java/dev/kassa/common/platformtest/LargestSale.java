package dev.kassa.common.platformtest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The largest tranlog the input bounds allow, as the common event record: a cart of
 * {@link Limits#CART_LINES_MAX} lines, each with a discount, every code and name at its maximum
 * length in a three-byte script, every amount at its maximum digits, and receipt and journal
 * texts that print every name.
 */
final class LargestSale {
    private static final BigDecimal AMOUNT = new BigDecimal("999999999999.9999");

    private LargestSale() {
    }

    static String code(int i) {
        String n = Integer.toString(i);
        return "語".repeat(Limits.CODE_MAX - n.length()) + n;
    }

    static String name(int i) {
        String n = Integer.toString(i);
        return "語".repeat(Limits.NAME_MAX - n.length()) + n;
    }

    static TranLog tranlog(String tenantId) {
        List<TranLog.LineItem> lines = new ArrayList<>();
        StringBuilder receipt = new StringBuilder();
        StringBuilder journal = new StringBuilder();
        for (int i = 1; i <= Limits.CART_LINES_MAX; i++) {
            TranLog.Discount discount = new TranLog.Discount(1, "DiscountAmount", AMOUNT, AMOUNT, name(i), code(i),
                    "category");
            lines.add(new TranLog.LineItem(i, code(i), name(i), code(i), AMOUNT, AMOUNT, true, 999_999_999, AMOUNT,
                    code(i), List.of(discount), List.of(new TranLog.AllocatedDiscount(1, "DiscountAmount", AMOUNT,
                    999_999_999)), false, false));
            receipt.append(name(i)).append("  ").append(AMOUNT).append('\n');
            journal.append(name(i)).append("  ").append(AMOUNT).append('\n');
        }
        List<TranLog.Payment> payments = new ArrayList<>();
        List<TranLog.Tax> taxes = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            payments.add(new TranLog.Payment(i, code(i), name(i), AMOUNT, AMOUNT, name(i)));
            taxes.add(new TranLog.Tax(i, code(i), "External", name(i), AMOUNT, AMOUNT, 999_999_999));
        }
        String eventId = UUID.randomUUID().toString();
        return new TranLog(eventId, TranLog.EVENT_TYPE, tenantId, code(0), name(0), 1, 999_999_999L, TranLog.SALE,
                "20261204", 1, 1, "2026-12-04T12:00:00", 999_999_999L, new TranLog.Person(code(0), name(0)),
                new TranLog.Person(code(0), name(0)),
                new TranLog.Sales(AMOUNT, AMOUNT, AMOUNT, 999_999_999, AMOUNT, AMOUNT, false, false, AMOUNT, AMOUNT),
                lines, payments, taxes, List.of(), null, receipt.toString(), journal.toString(), Map.of());
    }
}
