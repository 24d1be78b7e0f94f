package dev.kassa.common.api;

/** The machine-readable part of an error: a six-digit XXYYZZ code and an English message. */
public record UserError(String code, String message) {
}
