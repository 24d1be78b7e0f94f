package dev.kassa.account.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.account.service.TenantUser;

import java.time.Instant;
import java.util.List;

/**
 * A user as Kugel answers it ({@code UserAccountInDB}): the password masked, the bcrypt hash
 * shown, plus the user's roles.
 */
public record UserAccountView(
        String username,
        String password,
        String hashedPassword,
        String tenantId,
        @JsonProperty("isSuperuser") boolean isSuperuser,
        @JsonProperty("isActive") boolean isActive,
        List<String> roles,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLogin) {

    public static final String MASKED_PASSWORD = "*****";

    public static UserAccountView of(TenantUser created) {
        var u = created.user();
        return new UserAccountView(u.username, MASKED_PASSWORD, u.hashedPassword, created.tenantId(), u.superuser,
                u.active, u.roleList(), u.createdAt, u.updatedAt, u.lastLogin);
    }
}
