package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** A member of staff, replaced; the PIN is hashed again. */
public record StaffUpdate(@NotBlank String name, @NotBlank String pin, @NotNull List<@NotNull String> roles) {
}
