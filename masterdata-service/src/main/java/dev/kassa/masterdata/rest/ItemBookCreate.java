package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.domain.BookLayout.BookCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** A new item book, or the whole of one replaced (PUT). */
public record ItemBookCreate(@NotBlank String title, List<@Valid @NotNull BookCategory> categories) {
}
