package dev.kassa.masterdata.rest;

/** A provisioned tenant. */
public record TenantView(String tenantId) {
}
