package dev.kassa.masterdata.rest;

public record BookButtonDeleted(String itemBookId, int categoryNumber, int tabNumber, int posX, int posY) {
}
