package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.domain.SettingValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

public record SettingUpdate(@NotNull String defaultValue, @NotNull List<@Valid @NotNull SettingValue> values) {
}
