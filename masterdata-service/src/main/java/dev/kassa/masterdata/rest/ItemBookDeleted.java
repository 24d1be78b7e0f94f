package dev.kassa.masterdata.rest;

public record ItemBookDeleted(String itemBookId) {
}
