package dev.kassa.journal.rest;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /tenants} body. */
public record TenantCreate(@NotBlank String tenantId) {
}
