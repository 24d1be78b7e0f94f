package dev.kassa.masterdata.rest;

public record CustomerDeleted(String customerCode) {
}
