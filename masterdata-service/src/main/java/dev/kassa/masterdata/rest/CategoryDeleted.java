package dev.kassa.masterdata.rest;

public record CategoryDeleted(String categoryCode) {
}
