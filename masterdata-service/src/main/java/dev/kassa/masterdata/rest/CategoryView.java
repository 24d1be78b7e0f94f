package dev.kassa.masterdata.rest;

public record CategoryView(String categoryCode, String description, String descriptionShort, String taxCode, String entryDatetime, String lastUpdateDatetime) {
}
