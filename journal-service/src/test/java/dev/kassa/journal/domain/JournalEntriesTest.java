package dev.kassa.journal.domain;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalEntriesTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static TranLog tran(int type, boolean cancelled, String businessDate, String generated) {
        TranLog.Sales sales = new TranLog.Sales(new BigDecimal("200"), new BigDecimal("220"), new BigDecimal("20"), 2,
                BigDecimal.ZERO, BigDecimal.ZERO, cancelled, false, BigDecimal.ZERO, BigDecimal.ZERO);
        return new TranLog("e1", "tranlog", "T9999", "5678", "Store", 9, 12, type, businessDate, 1, 2, generated,
                111111, new TranLog.Person("99", "John"), new TranLog.Person("S001", "Staff1"), sales, List.of(),
                List.of(), List.of(), List.of(), null, "R", "J", Map.of());
    }

    private static CashLog cash(String amount) {
        return new CashLog("c1", "cash_in_out", "T9999", "5678", "Store", 9, "S001", "Staff1", "20260101", 1, 1,
                "2026-01-01T10:00:00", amount == null ? null : new BigDecimal(amount), "d", "R", "J");
    }

    @ParameterizedTest
    @CsvSource({"101,false,101", "101,true,-101", "102,false,102", "102,true,102", "201,false,201",
            "202,false,202"})
    void tranlogTypes(int type, boolean cancelled, int journalType) {
        JournalEntry e = JournalEntries.fromTranlog("e1", tran(type, cancelled, "20260101", "2026-01-01T10:00:00Z"),
                TOKYO);
        assertEquals(journalType, e.transactionType());
    }

    @Test
    void aTranlogEntryCarriesTheHeaderTotalsAndPeople() {
        JournalEntry e = JournalEntries.fromTranlog("e1", tran(101, false, "20260101", "2026-01-01T10:00:00"), TOKYO);
        assertEquals("tranlog:e1", e.id());
        assertEquals(LogKind.TRANLOG, e.kind());
        assertEquals(new BigDecimal("220"), e.amount());
        assertEquals(2, e.quantity());
        assertEquals(12L, e.transactionNo());
        assertEquals(111111L, e.receiptNo());
        assertEquals("S001", e.staffId());
        assertEquals("99", e.userId());
        assertEquals(9, e.terminalNo());
        assertEquals(2, e.businessCounter());
        assertEquals(-1, e.journalSeqNo());
        assertEquals("2026-01-01T10:00:00", e.generateDateTime());
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), e.generatedAt());
    }

    @ParameterizedTest
    @CsvSource({"100000,401", "0.01,401", "0,402", "-50000,402"})
    void cashTypes(String amount, int journalType) {
        JournalEntry e = JournalEntries.fromCashLog("c1", cash(amount), TOKYO);
        assertEquals(journalType, e.transactionType());
        assertEquals(new BigDecimal(amount), e.amount());
        assertNull(e.transactionNo());
        assertNull(e.receiptNo());
    }

    @Test
    void openAndClose() {
        OpenCloseLog open = new OpenCloseLog("o1", "open", "T9999", "5678", "Store", 9, "S001", "Staff1", "20260101",
                1, 1, "2026-01-01T08:00:00+09:00", "open", null, null, null, null, null, "R", "J");
        assertEquals(301, JournalEntries.fromOpenCloseLog("o1", open, TOKYO).transactionType());
        OpenCloseLog close = new OpenCloseLog("o2", "close", "T9999", "5678", "Store", 9, "S001", "Staff1",
                "20260101", 1, 1, "2026-01-01T20:00:00+09:00", "close", null, 3, 3L, 2, null, null, null);
        JournalEntry e = JournalEntries.fromOpenCloseLog("o2", close, TOKYO);
        assertEquals(302, e.transactionType());
        assertEquals("", e.journalText());
        assertEquals("opencloselog:o2", e.id());
    }

    @Test
    void logsThatMakeNoEntry() {
        assertThrows(InvalidLogException.class, () -> JournalEntries.fromTranlog("e1",
                tran(103, false, "20260101", "2026-01-01T10:00:00Z"), TOKYO));
        assertThrows(InvalidLogException.class, () -> JournalEntries.fromTranlog("e1",
                tran(101, false, "2026-01-01", "2026-01-01T10:00:00Z"), TOKYO));
        assertThrows(InvalidLogException.class, () -> JournalEntries.fromTranlog("e1",
                tran(101, false, "20260230", "2026-01-01T10:00:00Z"), TOKYO));
        InvalidLogException e = assertThrows(InvalidLogException.class, () -> JournalEntries.fromTranlog("e1",
                tran(101, false, "20260101", "noon"), TOKYO));
        assertTrue(e.getMessage().startsWith("generate_date_time"), e.getMessage());
        assertThrows(InvalidLogException.class, () -> JournalEntries.fromCashLog("c1", cash(null), TOKYO));
        OpenCloseLog odd = new OpenCloseLog("o1", "reopen", "T9999", "5678", "Store", 9, "S001", "Staff1",
                "20260101", 1, 1, "2026-01-01T08:00:00+09:00", "reopen", null, null, null, null, null, "R", "J");
        assertThrows(InvalidLogException.class, () -> JournalEntries.fromOpenCloseLog("o1", odd, TOKYO));
        assertThrows(InvalidLogException.class, () -> JournalEntries.fromReport("k", "T9999", "5678", 9, 101,
                "20260101", 1, 1, "2026-01-01T08:00:00Z", null, null, null, null, null, null, "J", "R", TOKYO));
        assertThrows(InvalidLogException.class, () -> JournalEntries.fromReport("k", "T-1", "5678", 9, 501,
                "20260101", 1, 1, "2026-01-01T08:00:00Z", null, null, null, null, null, null, "J", "R", TOKYO));
    }
}
