package dev.kassa.report.rest;

/** What {@code POST …/terminals/{n}/transactions} answers (Kugel's TranResponse). */
public record TranResponse(String tenantId, String storeCode, int terminalNo, long transactionNo) {
}
