package dev.kassa.account.rest;

import dev.kassa.account.service.AccountService;
import dev.kassa.common.api.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of both registrations (Kugel's {@code UserAccount}), in camelCase or snake_case.
 * {@code tenantId} names the new tenant of a superuser (made up when absent); for a user added
 * by a superuser it may only repeat the superuser's tenant. {@code roles} is Kassa's addition.
 */
public record UserAccountRequest(
        @NotBlank @Size(max = AccountService.MAX_USERNAME_LENGTH)
        @Pattern(regexp = Limits.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String username,
        @NotBlank @Size(max = Limits.SECRET_MAX) String password,
        String tenantId,
        @Size(max = Limits.LIST_MAX) List<String> roles) {
}
