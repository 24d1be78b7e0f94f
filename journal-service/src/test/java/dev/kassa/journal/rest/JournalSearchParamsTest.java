package dev.kassa.journal.rest;

import dev.kassa.common.api.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalSearchParamsTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static JournalSearchParams parse(JournalSearchParams.Raw raw) {
        return JournalSearchParams.parse("S1", raw, TOKYO);
    }

    private static JournalSearchParams.Raw raw(List<String> terminals, List<String> types, String bdFrom,
                                               String bdTo, String gFrom, String gTo, String rFrom, String rTo,
                                               List<String> keywords, String limit, String page, String sort) {
        return new JournalSearchParams.Raw(terminals, types, bdFrom, bdTo, gFrom, gTo, rFrom, rTo, keywords, limit,
                page, sort);
    }

    private static JournalSearchParams.Raw none() {
        return raw(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void listsRepeatedAndCommaSeparated() {
        JournalSearchParams p = parse(raw(List.of("1,2", "3", " 2 "), List.of("101, -101"), null, null, null, null,
                null, null, Arrays.asList("a,b", "", "c", null), null, null, null));
        assertEquals(List.of(1, 2, 3), p.criteria().terminals());
        assertEquals(List.of(101, -101), p.criteria().transactionTypes());
        assertEquals(List.of("a", "b", "c"), p.criteria().keywords());
        assertEquals(List.of(1, 2, 3), p.filter().get("terminals"));
    }

    @Test
    void nothingGivenFiltersOnlyTheStore() {
        JournalSearchParams p = parse(none());
        assertTrue(p.criteria().terminals().isEmpty());
        assertNull(p.criteria().businessDateFrom());
        assertEquals(1, p.page().page());
        assertEquals(100, p.page().limit());
        assertEquals(java.util.Map.of("store_code", "S1"), p.filter());
    }

    @Test
    void rangesMayHaveOneEnd() {
        JournalSearchParams p = parse(raw(null, null, "20260101", null, null, "2026-01-01T10:00:00+09:00", "5",
                null, null, null, null, null));
        assertEquals("20260101", p.criteria().businessDateFrom());
        assertNull(p.criteria().businessDateTo());
        assertNull(p.criteria().generatedFrom());
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), p.criteria().generatedTo());
        assertEquals(5L, p.criteria().receiptNoFrom());
        assertNull(p.criteria().receiptNoTo());
    }

    @Test
    void badValuesAre422AndBadSortIs400() {
        List<JournalSearchParams.Raw> bad = List.of(
                raw(List.of("x"), null, null, null, null, null, null, null, null, null, null, null),
                raw(null, List.of("1.5"), null, null, null, null, null, null, null, null, null, null),
                raw(null, null, "20260132", null, null, null, null, null, null, null, null, null),
                raw(null, null, "20260102", "20260101", null, null, null, null, null, null, null, null),
                raw(null, null, null, null, "later", null, null, null, null, null, null, null),
                raw(null, null, null, null, null, null, "1e3", null, null, null, null, null),
                raw(null, null, null, null, null, null, null, null, null, "-1", null, null),
                raw(null, null, null, null, null, null, null, null, null, null, "zero", null),
                raw(null, null, null, null, null, null, null, null, null, "1000", "2147483647", null),
                raw(null, null, null, null, null, null, null, null, List.of("x".repeat(201)), null, null, null),
                raw(null, null, null, null, null, null, null, null, List.of("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u"),
                        null, null, null));
        for (JournalSearchParams.Raw r : bad) {
            ApiException e = assertThrows(ApiException.class, () -> parse(r), r.toString());
            assertEquals(422, e.status(), r.toString());
            assertEquals("300001", e.errorCode());
        }
        ApiException sort = assertThrows(ApiException.class, () -> parse(raw(null, null, null, null, null, null,
                null, null, null, null, null, "content:1")));
        assertEquals(400, sort.status());
        assertEquals("300002", sort.errorCode());
    }
}
