package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** A new member of staff; the PIN is stored as a bcrypt hash. */
public record StaffCreate(@NotBlank String id, @NotBlank String name, @NotBlank String pin, @NotNull List<@NotNull String> roles) {
}
