package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.masterdata.repository.Pages;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The list answer of the wire rules: data = the page, metadata = {total, page, limit, sort, filter}. */
final class Paging {
    private Paging() {
    }

    static <E, V> ApiResponse<List<V>> answer(Pages.Page<E> page, PageRequest request, Map<String, Object> filter,
                                              Function<E, V> view, String message, String operation) {
        List<V> data = page.items().stream().map(view).toList();
        return ApiResponse.page(data, request.metadata(page.total(), filter), message, operation);
    }
}
