package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record CategoryUpdate(@NotNull @Name String description, @NotNull @Name String descriptionShort,
        @NotBlank @Code String taxCode) {
}
