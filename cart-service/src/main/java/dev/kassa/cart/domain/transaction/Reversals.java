package dev.kassa.cart.domain.transaction;

import dev.kassa.cart.domain.CartErrors;
import dev.kassa.cart.domain.PaymentMethod;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.receipt.ReceiptText;
import dev.kassa.cart.domain.receipt.ReceiptWriter;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns and voids of stored transactions (kugel-features.md §4 "Void / return", kugel-flows.md §6),
 * as pure functions. The caller loads the original tranlog and its flags, allocates the new numbers,
 * then stores {@link Reversal#tranLog()} and applies {@link Reversal#statusChanges()} in one transaction.
 *
 * <p>Rules. Return: only a sale (101); already refunded 400/403006; voided 400/403005; the payments
 * must add up to the original {@code total_amount_with_tax} (else 400/300001). Void: a sale (101 -> 201)
 * or a return (102 -> 202); already voided 400/403005; a refunded sale 400/403006; every original payment
 * code with its original total, and nothing else (else 400/300001). Kassa also refuses to return or void
 * a cancelled transaction (400/300001). The new tranlog is a copy of the original with the new type,
 * numbers, time, current business date and counters, {@code origin}, the given payments, change 0,
 * amounts positive, and the original staff (Kugel keeps it).
 */
public final class Reversals {

    private Reversals() {
    }

    /** The checks of {@link #returnOf} on the original alone (before numbers are allocated). */
    public static void checkReturnable(TranLog original, TransactionStatus status) {
        if (status.isRefunded()) {
            throw CartErrors.alreadyRefunded(original.transactionNo());
        }
        if (status.isVoided()) {
            throw CartErrors.alreadyVoided(original.transactionNo());
        }
        if (status.isCancelled() || original.sales().isCancelled()) {
            throw CartErrors.badBody("A cancelled transaction cannot be returned: transactionNo " + original.transactionNo());
        }
        if (original.transactionType() != TranLog.SALE) {
            throw CartErrors.badBody("Invalid transaction type to return: " + original.transactionType());
        }
    }

    /** The checks of {@link #voidOf} on the original alone (before numbers are allocated). */
    public static void checkVoidable(TranLog original, TransactionStatus status) {
        if (status.isVoided()) {
            throw CartErrors.alreadyVoided(original.transactionNo());
        }
        if (status.isRefunded() && original.transactionType() == TranLog.SALE) {
            throw CartErrors.alreadyRefunded(original.transactionNo());
        }
        if (status.isCancelled() || original.sales().isCancelled()) {
            throw CartErrors.badBody("A cancelled transaction cannot be voided: transactionNo " + original.transactionNo());
        }
        voidType(original.transactionType());
    }

    /** The payments of a return: known codes, no negative amounts, total = original total with tax. */
    public static List<TranLog.Payment> returnPayments(TranLog original, List<PaymentRequest> requests,
                                                       Map<String, PaymentMethod> methods) {
        List<TranLog.Payment> payments = payments(requests, methods);
        requireTotal(original, payments);
        return payments;
    }

    /** The payments of a void: exactly the original payment codes, each with its original total. */
    public static List<TranLog.Payment> voidPayments(TranLog original, List<PaymentRequest> requests,
                                                     Map<String, PaymentMethod> methods) {
        Map<String, BigDecimal> originalByCode = new LinkedHashMap<>();
        for (TranLog.Payment p : original.payments()) {
            originalByCode.merge(p.paymentCode(), p.amount(), BigDecimal::add);
        }
        Map<String, BigDecimal> requestedByCode = new LinkedHashMap<>();
        for (PaymentRequest r : nonEmpty(requests)) {
            if (!originalByCode.containsKey(r.paymentCode())) {
                throw CartErrors.badBody("Payment not found in original transaction: paymentCode " + r.paymentCode());
            }
            requestedByCode.merge(r.paymentCode(), amountOf(r), BigDecimal::add);
        }
        for (Map.Entry<String, BigDecimal> e : originalByCode.entrySet()) {
            BigDecimal requested = requestedByCode.get(e.getKey());
            if (requested == null || requested.compareTo(e.getValue()) != 0) {
                throw CartErrors.badBody("Payment amount must be equal for void transaction: paymentCode " + e.getKey()
                        + ", amount " + (requested == null ? "none" : requested.toPlainString())
                        + ", original " + e.getValue().toPlainString());
            }
        }
        List<TranLog.Payment> payments = payments(requests, methods);
        requireTotal(original, payments);
        return payments;
    }

    public static Reversal returnOf(TranLog original, TransactionStatus status, List<PaymentRequest> requests,
                                    Map<String, PaymentMethod> methods, ReversalContext ctx) {
        checkReturnable(original, status);
        List<TranLog.Payment> payments = returnPayments(original, requests, methods);
        TranLog tran = reversed(original, TranLog.RETURN, payments, ctx);
        return new Reversal(tran, List.of(new StatusChange(TransactionKey.of(original), StatusChange.Flag.REFUNDED, true)));
    }

    public static Reversal voidOf(TranLog original, TransactionStatus status, List<PaymentRequest> requests,
                                  Map<String, PaymentMethod> methods, ReversalContext ctx) {
        checkVoidable(original, status);
        List<TranLog.Payment> payments = voidPayments(original, requests, methods);
        TranLog tran = reversed(original, voidType(original.transactionType()), payments, ctx);
        List<StatusChange> changes = new ArrayList<>();
        changes.add(new StatusChange(TransactionKey.of(original), StatusChange.Flag.VOIDED, true));
        if (original.transactionType() == TranLog.RETURN && original.origin() != null) {
            // voiding a return gives the sale back: it may be returned again
            changes.add(new StatusChange(TransactionKey.of(original.origin()), StatusChange.Flag.REFUNDED, false));
        }
        return new Reversal(tran, List.copyOf(changes));
    }

    static int voidType(int transactionType) {
        return switch (transactionType) {
            case TranLog.SALE -> TranLog.VOID_SALE;
            case TranLog.RETURN -> TranLog.VOID_RETURN;
            default -> throw CartErrors.badBody("Invalid transaction type to void: " + transactionType);
        };
    }

    private static TranLog reversed(TranLog o, int type, List<TranLog.Payment> payments, ReversalContext ctx) {
        TranLog.Sales s = o.sales();
        TranLog.Sales sales = new TranLog.Sales(s.totalAmount(), s.totalAmountWithTax(), s.taxAmount(), s.totalQuantity(),
                BigDecimal.ZERO, s.totalDiscountAmount(), false, s.isStampDutyApplied(), s.stampDutyTargetAmount(),
                s.stampDutyAmount());
        TranLog.Origin origin = new TranLog.Origin(o.tenantId(), o.storeCode(), o.terminalNo(), o.transactionNo(),
                o.transactionType(), o.businessDate(), o.generateDateTime(), o.receiptNo());
        String now = ctx.now().truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        TranLog draft = new TranLog(ctx.eventId(), TranLog.EVENT_TYPE, o.tenantId(), o.storeCode(), o.storeName(),
                o.terminalNo(), ctx.numbers().transactionNo(), type, ctx.businessDate(), ctx.openCounter(),
                ctx.businessCounter(), now, ctx.numbers().receiptNo(), o.user(), o.staff(), sales, o.lineItems(),
                payments, o.taxes(), o.subtotalDiscounts(), origin, null, null, o.additionalInfo());
        ReceiptText text = new ReceiptWriter().write(draft, ctx.receipt());
        return new TranLog(draft.eventId(), draft.eventType(), draft.tenantId(), draft.storeCode(), draft.storeName(),
                draft.terminalNo(), draft.transactionNo(), draft.transactionType(), draft.businessDate(),
                draft.openCounter(), draft.businessCounter(), draft.generateDateTime(), draft.receiptNo(), draft.user(),
                draft.staff(), draft.sales(), draft.lineItems(), draft.payments(), draft.taxes(),
                draft.subtotalDiscounts(), draft.origin(), text.receiptText(), text.journalText(), draft.additionalInfo());
    }

    /** Kugel: the deposit is recorded only for methods that can take more and give change (cash). */
    private static List<TranLog.Payment> payments(List<PaymentRequest> requests, Map<String, PaymentMethod> methods) {
        List<TranLog.Payment> payments = new ArrayList<>();
        for (PaymentRequest r : nonEmpty(requests)) {
            PaymentMethod method = methods.get(r.paymentCode());
            if (method == null) {
                throw ApiException.notFound("Payment method not found: " + r.paymentCode());
            }
            BigDecimal amount = amountOf(r);
            BigDecimal deposit = method.canDepositOver() && method.canChange() ? amount : BigDecimal.ZERO;
            payments.add(new TranLog.Payment(payments.size() + 1, method.paymentCode(), method.description(), deposit,
                    amount, r.detail()));
        }
        return List.copyOf(payments);
    }

    private static void requireTotal(TranLog original, List<TranLog.Payment> payments) {
        BigDecimal total = BigDecimal.ZERO;
        for (TranLog.Payment p : payments) {
            total = total.add(p.amount());
        }
        if (total.compareTo(original.sales().totalAmountWithTax()) != 0) {
            throw CartErrors.badBody("Invalid payment amount: total " + total.toPlainString() + " must equal "
                    + original.sales().totalAmountWithTax().toPlainString());
        }
    }

    private static BigDecimal amountOf(PaymentRequest r) {
        if (r.amount() == null || r.amount().signum() < 0) {
            throw CartErrors.badBody("Invalid payment amount: " + (r.amount() == null ? null : r.amount().toPlainString()));
        }
        return r.amount();
    }

    private static List<PaymentRequest> nonEmpty(List<PaymentRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw CartErrors.badBody("Payment list is required");
        }
        return requests;
    }
}
