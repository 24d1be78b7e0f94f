package dev.kassa.masterdata.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LedgerTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    static Ledger.Debt debt(int daysAgo, int amount) {
        return new Ledger.Debt(AS_OF.minusDays(daysAgo), BigDecimal.valueOf(amount));
    }

    static void assertAgeing(Ledger.Ageing a, int d30, int d60, int d90, int over) {
        assertEquals(0, a.days0To30().compareTo(BigDecimal.valueOf(d30)), "0-30 " + a);
        assertEquals(0, a.days31To60().compareTo(BigDecimal.valueOf(d60)), "31-60 " + a);
        assertEquals(0, a.days61To90().compareTo(BigDecimal.valueOf(d90)), "61-90 " + a);
        assertEquals(0, a.over90().compareTo(BigDecimal.valueOf(over)), "90+ " + a);
    }

    @Test
    void bucketEdges() {
        assertAgeing(Ledger.age(BigDecimal.valueOf(10), List.of(debt(30, 10)), AS_OF), 10, 0, 0, 0);
        assertAgeing(Ledger.age(BigDecimal.valueOf(10), List.of(debt(31, 10)), AS_OF), 0, 10, 0, 0);
        assertAgeing(Ledger.age(BigDecimal.valueOf(10), List.of(debt(60, 10)), AS_OF), 0, 10, 0, 0);
        assertAgeing(Ledger.age(BigDecimal.valueOf(10), List.of(debt(61, 10)), AS_OF), 0, 0, 10, 0);
        assertAgeing(Ledger.age(BigDecimal.valueOf(10), List.of(debt(90, 10)), AS_OF), 0, 0, 10, 0);
        assertAgeing(Ledger.age(BigDecimal.valueOf(10), List.of(debt(91, 10)), AS_OF), 0, 0, 0, 10);
    }

    @Test
    void repaymentsSettleTheOldestDebtFirst() {
        List<Ledger.Debt> debts = List.of(debt(100, 100), debt(70, 200), debt(40, 300), debt(5, 400));
        // owed 1000 - 150 repaid: the 100 of 100 days and 50 of the 70-day debt are settled
        assertAgeing(Ledger.age(BigDecimal.valueOf(850), debts, AS_OF), 400, 300, 150, 0);
        assertAgeing(Ledger.age(BigDecimal.valueOf(1000), debts, AS_OF), 400, 300, 200, 100);
        assertAgeing(Ledger.age(BigDecimal.valueOf(300), debts, AS_OF), 300, 0, 0, 0);
        assertAgeing(Ledger.age(BigDecimal.ZERO, debts, AS_OF), 0, 0, 0, 0);
        // owed beyond the postings (an adjustment) counts as oldest
        assertAgeing(Ledger.age(BigDecimal.valueOf(1010), debts, AS_OF), 400, 300, 200, 110);
    }

    @Test
    void pointsRule() {
        Ledger.PointsRule rule = new Ledger.PointsRule(BigDecimal.valueOf(100), new BigDecimal("0.5"));
        assertEquals(0, rule.earned(new BigDecimal("1299.99")).compareTo(BigDecimal.valueOf(12)));
        assertEquals(0, rule.earned(new BigDecimal("99")).signum());
        assertEquals(0, rule.earned(new BigDecimal("-500")).signum());
        assertEquals(0, rule.pointsFor(BigDecimal.valueOf(10)).compareTo(BigDecimal.valueOf(20)));
        Ledger.PointsRule none = new Ledger.PointsRule(BigDecimal.ZERO, BigDecimal.ONE);
        assertEquals(0, none.earned(BigDecimal.valueOf(1_000_000)).signum());
    }
}
