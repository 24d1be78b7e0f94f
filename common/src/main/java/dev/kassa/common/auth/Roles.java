package dev.kassa.common.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The role names endpoints name in {@code @RolesAllowed}. A user token carries the first four in its
 * {@code roles} claim (a tenant's superuser is always {@link #OWNER}); {@link #TERMINAL} and
 * {@link #SERVICE} come from the kind of token and cannot be asked for. Which operation allows which
 * role is listed in {@code docs/roles.md}; each service's {@code RolesTest} checks every operation
 * against it.
 */
public final class Roles {
    /** Everything in the tenant, including its users and their roles. */
    public static final String OWNER = "owner";
    /** Master data, stores, terminals and keys, prices, promotions, stock, reports, the journal. */
    public static final String MANAGER = "manager";
    /** A person at a till: reads and the terminal's sign-in. */
    public static final String CASHIER = "cashier";
    /** Reads reports, the journal, stock and the tenant's stores and terminals. */
    public static final String VIEWER = "viewer";
    public static final String TERMINAL = KassaAuthenticationMechanism.ROLE_TERMINAL;
    public static final String SERVICE = KassaAuthenticationMechanism.ROLE_SERVICE;

    /** The roles a user may be given, in the order of the table. */
    public static final List<String> USER_ROLES = List.of(OWNER, MANAGER, CASHIER, VIEWER);

    private Roles() {
    }

    public static boolean isUserRole(String name) {
        return USER_ROLES.contains(name);
    }

    /** The user roles of a token: superusers are owners whatever their claim says. */
    static Set<String> ofUser(Set<String> claimed, boolean superuser) {
        if (!superuser) {
            return Set.copyOf(claimed);
        }
        Set<String> roles = new HashSet<>(claimed);
        roles.add(OWNER);
        return Set.copyOf(roles);
    }
}
