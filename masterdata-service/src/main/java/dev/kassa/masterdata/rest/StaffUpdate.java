package dev.kassa.masterdata.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A member of staff, replaced; the PIN is hashed again. */
public record StaffUpdate(@NotBlank @Name String name, @NotBlank @Size(max = Limits.SECRET_MAX) String pin,
        @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Code String> roles) {
}
