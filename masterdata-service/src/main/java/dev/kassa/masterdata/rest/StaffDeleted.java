package dev.kassa.masterdata.rest;

public record StaffDeleted(String staffId) {
}
