package dev.kassa.masterdata.rest;

public record StoreItemDeleted(String itemCode) {
}
