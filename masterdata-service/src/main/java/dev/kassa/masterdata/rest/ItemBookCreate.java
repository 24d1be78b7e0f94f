package dev.kassa.masterdata.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.masterdata.domain.BookLayout.BookCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new item book, or the whole of one replaced (PUT). */
public record ItemBookCreate(@NotBlank @Name String title,
        @Size(max = Limits.LIST_MAX) List<@Valid @NotNull BookCategory> categories) {
}
