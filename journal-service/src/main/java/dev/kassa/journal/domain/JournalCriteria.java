package dev.kassa.journal.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a journal search asks for, already checked. Empty lists and null ends filter nothing; a
 * range with one end filters on that end.
 */
public record JournalCriteria(
        String storeCode,
        List<Integer> terminals,
        List<Integer> transactionTypes,
        String businessDateFrom,
        String businessDateTo,
        Instant generatedFrom,
        Instant generatedTo,
        Long receiptNoFrom,
        Long receiptNoTo,
        List<String> keywords) {

    public JournalCriteria {
        terminals = List.copyOf(terminals);
        transactionTypes = List.copyOf(transactionTypes);
        keywords = List.copyOf(keywords);
    }
}
