package dev.kassa.masterdata.rest;

public record ItemDeleted(String itemCode, boolean isLogical) {
}
