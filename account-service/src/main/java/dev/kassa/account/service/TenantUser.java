package dev.kassa.account.service;

import dev.kassa.account.domain.UserAccount;

/** A user together with the tenant it belongs to (the tenant is the schema, not a column). */
public record TenantUser(String tenantId, UserAccount user) {
}
