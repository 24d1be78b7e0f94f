package dev.kassa.account.rest;

import dev.kassa.account.service.AccountService;
import dev.kassa.account.service.PasswordHasher;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of both registrations (Kugel's {@code UserAccount}), in camelCase or snake_case.
 * {@code tenantId} names the new tenant of a superuser (made up when absent); for a user added
 * by a superuser it may only repeat the superuser's tenant. {@code roles} is Kassa's addition.
 */
public record UserAccountRequest(
        @NotBlank @Size(max = AccountService.MAX_USERNAME_LENGTH) String username,
        @NotBlank @Size(max = PasswordHasher.MAX_PASSWORD_BYTES) String password,
        String tenantId,
        List<String> roles) {
}
