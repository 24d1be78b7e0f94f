package dev.kassa.recommendation.domain;

import dev.kassa.common.event.TranLog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one tranlog does to the model: a basket (the distinct items of its live lines) added
 * ({@code sign} 1) or taken out (−1), weighed at {@code at}.
 * <ul>
 *   <li>101 sale: adds its basket at its own time;</li>
 *   <li>102 return and 201 void of a sale: take the sale's basket out at the sale's time (the
 *       origin's), so the removal cancels what the sale added exactly;</li>
 *   <li>202 void of a return: puts the basket back, at the return's time (its origin's);</li>
 *   <li>a cancelled cart, or a tranlog without live lines, changes nothing.</li>
 * </ul>
 */
public record BasketChange(String eventId, String tenantId, String storeCode, int sign, Instant at,
                           List<String> items) {

    /** The change a tranlog makes, if any; {@code received} stands in for a time that cannot be read. */
    public static Optional<BasketChange> of(TranLog tranlog, Instant received, int maxItems) {
        if (tranlog.sales() != null && tranlog.sales().isCancelled()) {
            return Optional.empty();
        }
        Instant own = instant(tranlog.generateDateTime(), received);
        Instant origin = tranlog.origin() == null ? own : instant(tranlog.origin().generateDateTime(), own);
        int sign;
        Instant at;
        switch (tranlog.transactionType()) {
            case TranLog.SALE -> {
                sign = 1;
                at = own;
            }
            case TranLog.RETURN, TranLog.VOID_SALE -> {
                sign = -1;
                at = origin;
            }
            case TranLog.VOID_RETURN -> {
                sign = 1;
                at = origin;
            }
            default -> {
                return Optional.empty();
            }
        }
        List<String> items = items(tranlog, maxItems);
        return items.isEmpty() ? Optional.empty()
                : Optional.of(new BasketChange(tranlog.eventId(), tranlog.tenantId(), tranlog.storeCode(), sign, at,
                items));
    }

    private static List<String> items(TranLog tranlog, int maxItems) {
        Set<String> items = new LinkedHashSet<>();
        if (tranlog.lineItems() != null) {
            for (TranLog.LineItem line : tranlog.lineItems()) {
                if (items.size() >= maxItems) {
                    break;
                }
                if (!line.isCancelled() && line.quantity() > 0 && line.itemCode() != null
                        && !line.itemCode().isBlank()) {
                    items.add(line.itemCode());
                }
            }
        }
        return new ArrayList<>(items);
    }

    /** An ISO date-time with offset (what the cart writes); one without is taken as UTC. */
    static Instant instant(String text, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return otherwise;
            }
        }
    }
}
