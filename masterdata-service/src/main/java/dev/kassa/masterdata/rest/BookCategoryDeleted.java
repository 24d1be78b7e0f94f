package dev.kassa.masterdata.rest;

public record BookCategoryDeleted(String itemBookId, int categoryNumber) {
}
