package dev.kassa.report.repository;

import dev.kassa.report.domain.ReportPeriod;

/** Which logs: one store, a date or range, optionally one terminal and one opening. */
public record LogQuery(String storeCode, ReportPeriod period, Integer terminalNo, Integer openCounter) {
}
