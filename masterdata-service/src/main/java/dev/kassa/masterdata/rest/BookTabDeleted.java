package dev.kassa.masterdata.rest;

public record BookTabDeleted(String itemBookId, int categoryNumber, int tabNumber) {
}
