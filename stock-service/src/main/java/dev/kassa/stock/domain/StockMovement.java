package dev.kassa.stock.domain;

import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tranlog line as it moves stock. A tranlog's movements come in item order, so two tranlogs
 * touching the same items lock them in the same order and cannot deadlock.
 */
public record StockMovement(
        String storeCode,
        String itemCode,
        UpdateType updateType,
        BigDecimal quantityChange,
        String referenceId,
        String operatorId,
        String eventId,
        int terminalNo,
        long transactionNo) {

    /** Where a movement lands: one stock row. */
    public record Item(String storeCode, String itemCode) implements Comparable<Item> {
        private static final Comparator<Item> ORDER = Comparator.comparing(Item::storeCode)
                .thenComparing(Item::itemCode);

        @Override
        public int compareTo(Item other) {
            return ORDER.compare(this, other);
        }
    }

    /** A movement with the quantities before and after it, and the level it left. */
    public record Replayed(StockMovement movement, BigDecimal before, StockLevel after) {
    }

    public Item item() {
        return new Item(storeCode, itemCode);
    }

    /** The movements of a tranlog: none for a cancelled one or a type that moves no stock, none for cancelled lines. */
    public static List<StockMovement> of(TranLog t) {
        UpdateType type = UpdateType.ofTransactionType(t.transactionType());
        boolean cancelled = t.sales() != null && t.sales().isCancelled();
        if (type == null || cancelled || t.lineItems() == null) {
            return List.of();
        }
        String reference = String.valueOf(t.transactionNo());
        String operator = t.staff() == null ? null : t.staff().id();
        return t.lineItems().stream()
                .filter(l -> !l.isCancelled() && l.quantity() > 0 && l.itemCode() != null)
                .sorted(Comparator.comparing(TranLog.LineItem::itemCode).thenComparing(TranLog.LineItem::lineNo))
                .map(l -> new StockMovement(t.storeCode(), l.itemCode(), type,
                        BigDecimal.valueOf((long) l.quantity() * type.tranlogSign()), reference, operator, t.eventId(),
                        t.terminalNo(), t.transactionNo()))
                .toList();
    }

    /**
     * The movements applied one after another, given the levels after all of them: each item started
     * at its final quantity less the sum of its movements, and each movement adds to what the one
     * before it left, so before and after are what sequential application gives.
     */
    public static List<Replayed> replay(List<StockMovement> movements, Map<Item, StockLevel> finalLevels) {
        Map<Item, BigDecimal> running = new HashMap<>();
        for (StockMovement m : movements) {
            running.merge(m.item(), m.quantityChange(), BigDecimal::add);
        }
        running.replaceAll((item, total) -> finalLevels.get(item).currentQuantity().subtract(total));
        List<Replayed> replayed = new ArrayList<>(movements.size());
        for (StockMovement m : movements) {
            StockLevel last = finalLevels.get(m.item());
            BigDecimal before = running.get(m.item());
            BigDecimal after = before.add(m.quantityChange());
            running.put(m.item(), after);
            replayed.add(new Replayed(m, before, new StockLevel(m.storeCode(), m.itemCode(), after,
                    last.minimumQuantity(), last.reorderPoint(), last.reorderQuantity(), last.lastUpdated(),
                    m.referenceId())));
        }
        return replayed;
    }

    /** The summed change per item in item order (the order rows are locked in), with the reference of its last movement. */
    public static Map<Item, StockMovement> totals(List<StockMovement> movements) {
        Map<Item, StockMovement> totals = new TreeMap<>();
        for (StockMovement m : movements) {
            totals.merge(m.item(), m, (sum, next) -> new StockMovement(next.storeCode(), next.itemCode(),
                    next.updateType(), sum.quantityChange().add(next.quantityChange()), next.referenceId(),
                    next.operatorId(), next.eventId(), next.terminalNo(), next.transactionNo()));
        }
        return totals;
    }
}
