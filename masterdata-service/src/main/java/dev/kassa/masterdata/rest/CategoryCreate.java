package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record CategoryCreate(@NotBlank String categoryCode, @NotNull String description, @NotNull String descriptionShort, @NotBlank String taxCode) {
}
