package dev.kassa.journal.rest;

/** What {@code POST /tenants} answers. */
public record TenantView(String tenantId) {
}
