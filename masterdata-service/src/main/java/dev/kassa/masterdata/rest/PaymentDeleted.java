package dev.kassa.masterdata.rest;

public record PaymentDeleted(String paymentCode) {
}
