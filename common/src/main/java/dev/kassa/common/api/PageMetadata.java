package dev.kassa.common.api;

import java.util.Map;

/** Paging metadata of a list answer: {@code {total, page, limit, sort, filter}}. */
public record PageMetadata(long total, int page, int limit, String sort, Map<String, Object> filter) {
}
