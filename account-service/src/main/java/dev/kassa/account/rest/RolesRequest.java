package dev.kassa.account.rest;

import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Body of a role assignment: the user's roles from now on ({@code owner|manager|cashier|viewer}). */
public record RolesRequest(@NotNull List<String> roles) {
}
