package dev.kassa.masterdata.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new member of staff; the PIN is stored as a bcrypt hash. */
public record StaffCreate(@NotBlank @Code String id, @NotBlank @Name String name,
        @NotBlank @Size(max = Limits.SECRET_MAX) String pin,
        @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Code String> roles) {
}
