package dev.kassa.account.domain;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.Roles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles a user carries in the {@code roles} claim of its token: {@code owner}, {@code manager},
 * {@code cashier}, {@code viewer} ({@link Roles}). A tenant's superuser is always an owner; a user
 * added without roles is a cashier, the least a person of the shop needs. Any other name is refused,
 * so a typo cannot leave a user with rights nobody meant (or none at all).
 */
public final class UserRoles {
    public static final String DEFAULT_USER_ROLE = Roles.CASHIER;

    private UserRoles() {
    }

    /** Roles of a new user: the requested ones (checked), or {@code ["cashier"]} when none are given. */
    public static List<String> forUser(List<String> requested) {
        List<String> roles = checked(requested);
        return roles.isEmpty() ? List.of(DEFAULT_USER_ROLE) : roles;
    }

    /** Roles of a tenant's superuser: {@code "owner"} first, then the requested ones. */
    public static List<String> forSuperuser(List<String> requested) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Roles.OWNER);
        roles.addAll(checked(requested));
        return List.copyOf(roles);
    }

    /** Roles an owner assigns to a user (replacing the user's roles; an empty list leaves it none). */
    public static List<String> assigned(List<String> requested) {
        if (requested == null) {
            throw ApiException.validation("Invalid input data: body -> roles: Field required");
        }
        return checked(requested);
    }

    /**
     * The roles a login puts into the token: the stored ones that are roles (rows written before roles
     * existed may hold others), and {@code owner} for a superuser.
     */
    public static List<String> ofAccount(UserAccount user) {
        Set<String> roles = new LinkedHashSet<>();
        if (user.superuser) {
            roles.add(Roles.OWNER);
        }
        for (String role : user.roleList()) {
            if (Roles.isUserRole(role)) {
                roles.add(role);
            }
        }
        return List.copyOf(roles);
    }

    public static boolean isOwner(UserAccount user) {
        return ofAccount(user).contains(Roles.OWNER);
    }

    static List<String> checked(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > Roles.USER_ROLES.size()) {
            throw ApiException.validation("Invalid input data: body -> roles: at most "
                    + Roles.USER_ROLES.size() + " roles");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String role : requested) {
            if (role == null || !Roles.isUserRole(role)) {
                throw ApiException.validation("Invalid input data: body -> roles: '" + role
                        + "' is not a role; roles are " + String.join(", ", Roles.USER_ROLES));
            }
            out.add(role);
        }
        return new ArrayList<>(out);
    }
}
