package dev.kassa.stock;

import dev.kassa.common.event.TranLog;
import dev.kassa.stock.domain.StockLevel;
import dev.kassa.stock.domain.StockMovement;
import dev.kassa.stock.domain.UpdateType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch's summed upsert, replayed: the before and after of each line as one-by-one application gives them. */
class StockMovementTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-01-01T00:00:00Z");

    private static StockMovement move(String item, int change, long transactionNo) {
        return new StockMovement("S", item, change < 0 ? UpdateType.SALE : UpdateType.RETURN, BigDecimal.valueOf(change),
                String.valueOf(transactionNo), "staff", "e" + transactionNo, 1, transactionNo);
    }

    private static StockLevel level(String item, String quantity) {
        return new StockLevel("S", item, new BigDecimal(quantity), BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("5"),
                NOW, "0");
    }

    @Test
    void totalsAreSummedPerItemInItemOrderWithTheLastReference() {
        List<StockMovement> moves = List.of(move("B", -2, 1), move("A", -1, 1), move("B", 3, 2), move("A", -4, 3));
        Map<StockMovement.Item, StockMovement> totals = StockMovement.totals(moves);
        assertEquals(List.of(new StockMovement.Item("S", "A"), new StockMovement.Item("S", "B")),
                new ArrayList<>(totals.keySet()));
        assertEquals(BigDecimal.valueOf(-5), totals.get(new StockMovement.Item("S", "A")).quantityChange());
        assertEquals("3", totals.get(new StockMovement.Item("S", "A")).referenceId());
        assertEquals(BigDecimal.valueOf(1), totals.get(new StockMovement.Item("S", "B")).quantityChange());
        assertEquals("2", totals.get(new StockMovement.Item("S", "B")).referenceId());
    }

    @Test
    void replayGivesEachLineTheQuantitiesOfSequentialApplication() {
        // Many random batches: start levels, then the lines applied one by one versus summed and replayed.
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 500; round++) {
            Map<String, BigDecimal> start = new HashMap<>();
            for (String item : List.of("A", "B", "C")) {
                start.put(item, new BigDecimal(random.nextInt(40) - 10 + "." + random.nextInt(10)));
            }
            List<StockMovement> moves = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                int change = (1 + random.nextInt(5)) * (random.nextBoolean() ? -1 : 1);
                moves.add(move(List.of("A", "B", "C").get(random.nextInt(3)), change, i));
            }
            Map<String, BigDecimal> running = new HashMap<>(start);
            List<BigDecimal[]> sequential = new ArrayList<>();
            for (StockMovement m : moves) {
                BigDecimal before = running.get(m.itemCode());
                BigDecimal after = before.add(m.quantityChange());
                running.put(m.itemCode(), after);
                sequential.add(new BigDecimal[] {before, after});
            }
            Map<StockMovement.Item, StockLevel> finals = new HashMap<>();
            running.forEach((item, q) -> finals.put(new StockMovement.Item("S", item), level(item, q.toPlainString())));
            List<StockMovement.Replayed> replayed = StockMovement.replay(moves, finals);
            for (int i = 0; i < moves.size(); i++) {
                assertEquals(0, sequential.get(i)[0].compareTo(replayed.get(i).before()), "round " + round);
                assertEquals(0, sequential.get(i)[1].compareTo(replayed.get(i).after().currentQuantity()));
                assertEquals(moves.get(i).referenceId(), replayed.get(i).after().lastTransactionId());
                assertEquals(BigDecimal.TEN, replayed.get(i).after().reorderPoint());
            }
        }
    }

    @Test
    void aTranlogMovesItsLiveLinesInItemOrderWithItsSign() {
        TranLog.LineItem b = line(1, "B", 2, false);
        TranLog.LineItem a = line(2, "A", 1, false);
        TranLog.LineItem cancelled = line(3, "C", 5, true);
        TranLog.LineItem a2 = line(4, "A", 3, false);
        List<StockMovement> sale = StockMovement.of(tranlog(TranLog.SALE, false, List.of(b, a, cancelled, a2)));
        assertEquals(List.of("A", "A", "B"), sale.stream().map(StockMovement::itemCode).toList());
        assertEquals(List.of(BigDecimal.valueOf(-1), BigDecimal.valueOf(-3), BigDecimal.valueOf(-2)),
                sale.stream().map(StockMovement::quantityChange).toList());
        assertEquals(BigDecimal.valueOf(2),
                StockMovement.of(tranlog(TranLog.VOID_SALE, false, List.of(b))).get(0).quantityChange());
        assertEquals(List.of(), StockMovement.of(tranlog(TranLog.SALE, true, List.of(a))));
        assertEquals(List.of(), StockMovement.of(tranlog(301, false, List.of(a))));
    }

    private static TranLog.LineItem line(int no, String item, int quantity, boolean cancelled) {
        return new TranLog.LineItem(no, item, item, "01", BigDecimal.ONE, BigDecimal.ONE, false, quantity,
                BigDecimal.ONE, "01", List.of(), List.of(), cancelled, false);
    }

    private static TranLog tranlog(int type, boolean cancelled, List<TranLog.LineItem> lines) {
        TranLog.Sales sales = new TranLog.Sales(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, cancelled, false, BigDecimal.ZERO, BigDecimal.ZERO);
        return new TranLog("e", "tranlog", "T", "S", "Store", 1, 42, type, "20250101", 1, 1, "2025-01-01T10:00:00", 42,
                null, new TranLog.Person("staff", "Staff"), sales, lines, List.of(), List.of(), List.of(), null, "", "",
                java.util.Map.of());
    }
}
