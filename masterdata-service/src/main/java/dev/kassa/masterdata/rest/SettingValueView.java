package dev.kassa.masterdata.rest;

/** The value of a setting that applies to a store's terminal. */
public record SettingValueView(String value) {
}
