package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotBlank;

/** POST /tenants body. */
public record TenantCreate(@NotBlank String tenantId) {
}
