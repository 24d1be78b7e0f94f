package dev.kassa.recommendation.domain;

import dev.kassa.common.event.TranLog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasketChangeTest {
    static final Instant RECEIVED = Instant.parse("2026-03-01T00:00:00Z");
    static final String SALE_TIME = "2026-02-01T10:00:00.000+09:00";
    static final String OWN_TIME = "2026-02-20T10:00:00.000+09:00";

    record Line(String item, int quantity, boolean cancelled) {
    }

    static TranLog tranlog(int type, boolean cancelled, String at, String originAt, Line... lines) {
        List<TranLog.LineItem> items = new ArrayList<>();
        int no = 1;
        for (Line l : lines) {
            items.add(new TranLog.LineItem(no++, l.item(), "n", "01", BigDecimal.ONE, BigDecimal.ONE, false,
                    l.quantity(), BigDecimal.ONE, "01", List.of(), List.of(), l.cancelled(), false));
        }
        TranLog.Sales sales = new TranLog.Sales(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, cancelled, false, BigDecimal.ZERO, BigDecimal.ZERO);
        TranLog.Origin origin = originAt == null ? null
                : new TranLog.Origin("T1", "S1", 1, 1, TranLog.SALE, "20260201", originAt, 1);
        return new TranLog("e1", TranLog.EVENT_TYPE, "T1", "S1", "s", 1, 2, type, "20260220", 1, 1, at, 2, null,
                null, sales, items, List.of(), List.of(), List.of(), origin, "", "", Map.of());
    }

    static Line line(String item) {
        return new Line(item, 1, false);
    }

    @Test
    void aSaleAddsItsDistinctLiveItemsAtItsOwnTime() {
        BasketChange change = BasketChange.of(tranlog(TranLog.SALE, false, SALE_TIME, null, line("A"), line("B"),
                line("A"), new Line("C", 1, true), new Line("D", 0, false), line(" ")), RECEIVED, 40).orElseThrow();
        assertEquals(1, change.sign());
        assertEquals(List.of("A", "B"), change.items());
        assertEquals(Instant.parse("2026-02-01T01:00:00Z"), change.at());
        assertEquals("T1", change.tenantId());
        assertEquals("S1", change.storeCode());
        assertEquals("e1", change.eventId());
    }

    @Test
    void returnsAndVoidsTakeTheBasketOutAtTheOriginalsTime() {
        for (int type : new int[] {TranLog.RETURN, TranLog.VOID_SALE}) {
            BasketChange change = BasketChange.of(tranlog(type, false, OWN_TIME, SALE_TIME, line("A"), line("B")),
                    RECEIVED, 40).orElseThrow();
            assertEquals(-1, change.sign());
            assertEquals(Instant.parse("2026-02-01T01:00:00Z"), change.at());
        }
        BasketChange back = BasketChange.of(tranlog(TranLog.VOID_RETURN, false, OWN_TIME, SALE_TIME, line("A")),
                RECEIVED, 40).orElseThrow();
        assertEquals(1, back.sign());
        assertEquals(Instant.parse("2026-02-01T01:00:00Z"), back.at());
    }

    @Test
    void cancelledCartsEmptyBasketsAndOtherTypesChangeNothing() {
        assertEquals(Optional.empty(), BasketChange.of(tranlog(TranLog.SALE, true, SALE_TIME, null, line("A")),
                RECEIVED, 40));
        assertEquals(Optional.empty(), BasketChange.of(tranlog(TranLog.SALE, false, SALE_TIME, null,
                new Line("A", 1, true)), RECEIVED, 40));
        assertEquals(Optional.empty(), BasketChange.of(tranlog(301, false, SALE_TIME, null, line("A")),
                RECEIVED, 40));
    }

    @Test
    void aBigBasketIsCutAndUnreadableTimesFallBack() {
        Line[] lines = new Line[60];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line("I" + i);
        }
        assertEquals(40, BasketChange.of(tranlog(TranLog.SALE, false, SALE_TIME, null, lines), RECEIVED, 40)
                .orElseThrow().items().size());
        assertEquals(RECEIVED, BasketChange.of(tranlog(TranLog.SALE, false, "yesterday", null, line("A")),
                RECEIVED, 40).orElseThrow().at());
        assertEquals(Instant.parse("2026-02-01T10:00:00Z"), BasketChange.of(tranlog(TranLog.SALE, false,
                "2026-02-01T10:00:00", null, line("A")), RECEIVED, 40).orElseThrow().at());
        BasketChange noOrigin = BasketChange.of(tranlog(TranLog.VOID_SALE, false, OWN_TIME, null, line("A")),
                RECEIVED, 40).orElseThrow();
        assertEquals(Instant.parse("2026-02-20T01:00:00Z"), noOrigin.at());
        assertTrue(noOrigin.sign() < 0);
    }
}
