package dev.kassa.report.domain;

import dev.kassa.common.api.PageMetadata;

/** A made report: its data, the paging of its list (if it has one), and its printable text. */
public record Report(Object data, PageMetadata metadata, String receiptText, String journalText) {
}
