package dev.kassa.journal.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.PageRequest;
import dev.kassa.journal.domain.DateTimes;
import dev.kassa.journal.domain.JournalCriteria;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code GET …/journals}, checked: lists come as repeated parameters or
 * comma-separated (or both), numbers and dates must parse (else 422), a range may have one end.
 */
public record JournalSearchParams(JournalCriteria criteria, PageRequest page, Map<String, Object> filter) {

    /** The snake_case fields a search may be sorted by. */
    public static final Set<String> SORTABLE = Set.of("terminal_no", "transaction_no", "transaction_type",
            "business_date", "open_counter", "business_counter", "generate_date_time", "receipt_no", "amount",
            "quantity", "staff_id", "journal_seq_no");

    static final int MAX_KEYWORDS = 20;
    static final int MAX_KEYWORD_LENGTH = 200;

    public record Raw(List<String> terminals, List<String> transactionTypes, String businessDateFrom,
                      String businessDateTo, String generateDateTimeFrom, String generateDateTimeTo,
                      String receiptNoFrom, String receiptNoTo, List<String> keywords, String limit, String page,
                      String sort) {
    }

    public static JournalSearchParams parse(String storeCode, Raw raw, ZoneId zone) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("store_code", storeCode);

        List<Integer> terminals = integers("terminals", raw.terminals());
        List<Integer> types = integers("transaction_types", raw.transactionTypes());
        String bdFrom = businessDate("business_date_from", raw.businessDateFrom());
        String bdTo = businessDate("business_date_to", raw.businessDateTo());
        if (bdFrom != null && bdTo != null && bdFrom.compareTo(bdTo) > 0) {
            throw ApiException.validation("business_date_from must not be after business_date_to");
        }
        Instant gFrom = dateTime("generate_date_time_from", raw.generateDateTimeFrom(), zone);
        Instant gTo = dateTime("generate_date_time_to", raw.generateDateTimeTo(), zone);
        if (gFrom != null && gTo != null && gFrom.isAfter(gTo)) {
            throw ApiException.validation("generate_date_time_from must not be after generate_date_time_to");
        }
        Long rFrom = number("receipt_no_from", raw.receiptNoFrom());
        Long rTo = number("receipt_no_to", raw.receiptNoTo());
        if (rFrom != null && rTo != null && rFrom > rTo) {
            throw ApiException.validation("receipt_no_from must not be greater than receipt_no_to");
        }
        List<String> keywords = split(raw.keywords());
        if (keywords.size() > MAX_KEYWORDS || keywords.stream().anyMatch(k -> k.length() > MAX_KEYWORD_LENGTH)) {
            throw ApiException.validation("keywords: at most " + MAX_KEYWORDS + " keywords of at most "
                    + MAX_KEYWORD_LENGTH + " characters");
        }
        Long limit = number("limit", raw.limit());
        Long page = number("page", raw.page());
        PageRequest paging = PageRequest.of(page == null ? null : clamp(page), limit == null ? null : clamp(limit),
                raw.sort(), SORTABLE);
        if ((long) (paging.page() - 1) * paging.limit() > Integer.MAX_VALUE) {
            throw ApiException.validation("page is beyond any journal");
        }

        putIf(filter, "terminals", terminals.isEmpty() ? null : terminals);
        putIf(filter, "transaction_types", types.isEmpty() ? null : types);
        putIf(filter, "business_date_from", bdFrom);
        putIf(filter, "business_date_to", bdTo);
        putIf(filter, "generate_date_time_from", gFrom == null ? null : gFrom.toString());
        putIf(filter, "generate_date_time_to", gTo == null ? null : gTo.toString());
        putIf(filter, "receipt_no_from", rFrom);
        putIf(filter, "receipt_no_to", rTo);
        putIf(filter, "keywords", keywords.isEmpty() ? null : keywords);

        return new JournalSearchParams(new JournalCriteria(storeCode, terminals, types, bdFrom, bdTo, gFrom, gTo,
                rFrom, rTo, keywords), paging, filter);
    }

    private static int clamp(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static void putIf(Map<String, Object> filter, String name, Object value) {
        if (value != null) {
            filter.put(name, value);
        }
    }

    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String p = part.trim();
                if (!p.isEmpty() && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static List<Integer> integers(String name, List<String> values) {
        List<Integer> out = new ArrayList<>();
        for (String v : split(values)) {
            try {
                out.add(Integer.valueOf(v));
            } catch (NumberFormatException e) {
                throw ApiException.validation(name + " must be whole numbers, not '" + v + "'");
            }
        }
        return out;
    }

    private static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static String businessDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!DateTimes.isBusinessDate(v)) {
            throw ApiException.validation(name + " must be a date written YYYYMMDD, not '" + value + "'");
        }
        return v;
    }

    private static Instant dateTime(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateTimes.parse(value, zone);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(name + ": " + e.getMessage());
        }
    }
}
