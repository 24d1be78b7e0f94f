package dev.kassa.account.domain;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.KassaAuthenticationMechanism;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The roles a user carries in the {@code roles} claim of its token. The names the platform
 * grants by itself (superuser, terminal, service) cannot be asked for: every service adds a
 * token's roles to the caller's identity, so such a role would pass {@code @RolesAllowed} checks.
 */
public final class UserRoles {
    public static final String DEFAULT_USER_ROLE = KassaAuthenticationMechanism.ROLE_USER;
    public static final int MAX_ROLES = 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");
    private static final Set<String> RESERVED = Set.of(KassaAuthenticationMechanism.ROLE_SUPERUSER,
            KassaAuthenticationMechanism.ROLE_TERMINAL, KassaAuthenticationMechanism.ROLE_SERVICE);

    private UserRoles() {
    }

    /** Roles of a new user: the requested ones (checked), or {@code ["user"]} when none are given. */
    public static List<String> forUser(List<String> requested) {
        List<String> roles = checked(requested);
        return roles.isEmpty() ? List.of(DEFAULT_USER_ROLE) : roles;
    }

    /** Roles of a tenant's superuser: {@code "superuser"} first, then the requested ones. */
    public static List<String> forSuperuser(List<String> requested) {
        List<String> roles = new ArrayList<>();
        roles.add(KassaAuthenticationMechanism.ROLE_SUPERUSER);
        roles.addAll(checked(requested));
        return List.copyOf(roles);
    }

    static List<String> checked(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_ROLES) {
            throw ApiException.validation("Invalid input data: body -> roles: at most " + MAX_ROLES + " roles");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String role : requested) {
            if (role == null || !NAME.matcher(role).matches()) {
                throw ApiException.validation("Invalid input data: body -> roles: '" + role
                        + "' is not a role name (a letter, then up to 31 letters, digits, '_', '.' or '-')");
            }
            if (RESERVED.contains(role.toLowerCase(java.util.Locale.ROOT))) {
                throw ApiException.validation("Invalid input data: body -> roles: '" + role
                        + "' is reserved and cannot be assigned");
            }
            out.add(role);
        }
        return List.copyOf(out);
    }
}
