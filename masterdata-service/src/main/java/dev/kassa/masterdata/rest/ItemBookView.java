package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.domain.BookLayout.BookCategory;

import java.util.List;

public record ItemBookView(String itemBookId, String title, List<BookCategory> categories, String entryDatetime, String lastUpdateDatetime) {
}
