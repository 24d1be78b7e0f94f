package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.domain.SettingValue;

import java.util.List;

public record SettingView(String name, String defaultValue, List<SettingValue> values, String entryDatetime, String lastUpdateDatetime) {
}
