package dev.kassa.account;

import dev.kassa.account.domain.UserRoles;
import dev.kassa.common.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserRolesTest {

    @Test
    void usersDefaultToTheUserRole() {
        assertEquals(List.of("user"), UserRoles.forUser(null));
        assertEquals(List.of("user"), UserRoles.forUser(List.of()));
        assertEquals(List.of("cashier", "manager"), UserRoles.forUser(List.of("cashier", "manager", "cashier")));
    }

    @Test
    void superusersCarryTheSuperuserRoleFirst() {
        assertEquals(List.of("superuser"), UserRoles.forSuperuser(null));
        assertEquals(List.of("superuser", "auditor"), UserRoles.forSuperuser(List.of("auditor")));
    }

    @Test
    void reservedAndMalformedNamesAre422() {
        for (List<String> bad : List.of(List.of("superuser"), List.of("SuperUser"), List.of("terminal"),
                List.of("service"), List.of(""), List.of("has space"), List.of("1st"), List.of("x".repeat(33)),
                Collections.singletonList((String) null))) {
            ApiException e = assertThrows(ApiException.class, () -> UserRoles.forUser(bad), bad.toString());
            assertEquals(422, e.status());
            assertEquals("300001", e.errorCode());
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= UserRoles.MAX_ROLES; i++) {
            many.add("r" + i);
        }
        assertEquals(422, assertThrows(ApiException.class, () -> UserRoles.forUser(many)).status());
        assertEquals(List.of("a.b-c_d", "user"), UserRoles.forUser(Arrays.asList("a.b-c_d", "user")));
    }
}
