package dev.kassa.masterdata.rest;

public record SettingDeleted(String name) {
}
