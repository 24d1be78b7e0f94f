package dev.kassa.account;

import dev.kassa.account.domain.UserAccount;
import dev.kassa.account.domain.UserRoles;
import dev.kassa.common.api.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserRolesTest {

    @Test
    void usersDefaultToCashier() {
        assertEquals(List.of("cashier"), UserRoles.forUser(null));
        assertEquals(List.of("cashier"), UserRoles.forUser(List.of()));
        assertEquals(List.of("viewer", "manager"), UserRoles.forUser(List.of("viewer", "manager", "viewer")));
    }

    @Test
    void superusersAreOwnersFirst() {
        assertEquals(List.of("owner"), UserRoles.forSuperuser(null));
        assertEquals(List.of("owner", "viewer"), UserRoles.forSuperuser(List.of("viewer", "owner")));
    }

    @Test
    void onlyTheFourRolesCanBeGiven() {
        for (List<String> bad : List.of(List.of("superuser"), List.of("user"), List.of("terminal"), List.of("service"),
                List.of("Owner"), List.of(""), List.of("auditor"), List.of("cashier", "manger"),
                Collections.singletonList((String) null))) {
            ApiException e = assertThrows(ApiException.class, () -> UserRoles.forUser(bad), bad.toString());
            assertEquals(422, e.status());
            assertEquals("300001", e.errorCode());
        }
        assertEquals(422, assertThrows(ApiException.class, () -> UserRoles.forUser(
                List.of("owner", "manager", "cashier", "viewer", "owner"))).status());
        assertEquals(422, assertThrows(ApiException.class, () -> UserRoles.assigned(null)).status());
        assertEquals(List.of(), UserRoles.assigned(List.of()));
    }

    @Test
    void tokensCarryOnlyRolesAndSuperusersAreOwners() {
        UserAccount legacy = UserAccount.create("u", "h", false, Arrays.asList("user", "manager", "auditor"),
                Instant.now());
        assertEquals(List.of("manager"), UserRoles.ofAccount(legacy));
        assertFalse(UserRoles.isOwner(legacy));
        UserAccount superuser = UserAccount.create("s", "h", true, List.of("superuser"), Instant.now());
        assertEquals(List.of("owner"), UserRoles.ofAccount(superuser));
        assertTrue(UserRoles.isOwner(superuser));
        UserAccount owner = UserAccount.create("o", "h", false, List.of("owner"), Instant.now());
        assertTrue(UserRoles.isOwner(owner));
    }
}
