package dev.kassa.cart.api;

import dev.kassa.common.test.RoleTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;

/** Every operation of the cart API answers each role as the role table (docs/roles.md) says. */
@QuarkusTest
class RolesTest extends CartApiTestBase {
    @Test
    void everyOperationAnswersEachRoleAsTheTableSays() {
        RoleTable.of("cart", URI.create("http://localhost:" + RestAssured.port), RoleTable.unusedTenant()).check();
    }
}
