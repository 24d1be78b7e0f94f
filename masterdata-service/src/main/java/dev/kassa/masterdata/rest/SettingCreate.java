package dev.kassa.masterdata.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import dev.kassa.masterdata.domain.SettingValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record SettingCreate(@NotBlank @Name String name, @NotNull @Text String defaultValue,
        @NotNull @Size(max = Limits.LIST_MAX) List<@Valid @NotNull SettingValue> values) {
}
