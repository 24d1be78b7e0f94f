package dev.kassa.masterdata;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StaffResourceTest extends MasterDataTest {

    @Inject
    DataSource dataSource;

    @Test
    void staffCrudNeverShowsThePinAndStoresItAsBcrypt() throws Exception {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/staff";

        String created = ok(as(user).body(Map.of("id", "S001", "name", "Staff1", "pin", "1234",
                "roles", List.of("staff", "manager"))).post(base).then(), 201, "create_staff_master_async")
                .body("data.keySet()", containsInAnyOrder("id", "name", "roles", "entryDatetime", "lastUpdateDatetime"))
                .body("data.id", equalTo("S001"))
                .body("data.name", equalTo("Staff1"))
                .body("data.roles", equalTo(List.of("staff", "manager")))
                .body("data.entryDatetime", notNullValue())
                .body("data.lastUpdateDatetime", nullValue())
                .extract().asString();
        assertFalse(created.contains("1234"), created);

        String hash = pinHash(t, "S001");
        assertTrue(hash.startsWith("$2"), hash);
        assertTrue(BcryptUtil.matches("1234", hash));

        ok(as(user).get(base + "/S001").then(), 200, "get_staff_master_async")
                .body("data.keySet()", containsInAnyOrder("id", "name", "roles", "entryDatetime", "lastUpdateDatetime"))
                .body(not(containsString("1234")));
        ok(as(terminalToken(t, "5678", 9)).get(base).then(), 200, "get_staff_master_all_async")
                .body("data[0].keySet()", containsInAnyOrder("id", "name", "roles", "entryDatetime",
                        "lastUpdateDatetime"))
                .body(not(containsString("pin")));

        ok(as(user).body(Map.of("name", "Staff One", "pin", "9876", "roles", List.of("staff")))
                .put(base + "/S001").then(), 200, "update_staff_master_async")
                .body("data.name", equalTo("Staff One"))
                .body("data.roles", equalTo(List.of("staff")))
                .body("data.lastUpdateDatetime", notNullValue())
                .body(not(containsString("9876")))
                .body(not(containsString("pin")));
        String newHash = pinHash(t, "S001");
        assertNotEquals(hash, newHash);
        assertTrue(BcryptUtil.matches("9876", newHash));
        assertFalse(BcryptUtil.matches("1234", newHash));

        ok(as(user).delete(base + "/S001").then(), 200, "delete_staff_master_async")
                .body("data.staffId", equalTo("S001"));
        error(as(user).get(base + "/S001").then(), 404, "405002")
                .body("message", equalTo("Staff S001 not found"));
    }

    @Test
    void unknownStaffIs404DuplicateIs400InvalidIs422() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/staff";
        error(as(user).get(base + "/NOPE").then(), 404, "405002");
        error(as(user).body(Map.of("name", "x", "pin", "1", "roles", List.of())).put(base + "/NOPE").then(), 404,
                "405002");
        error(as(user).delete(base + "/NOPE").then(), 404, "405002");

        as(user).body(Map.of("id", "S1", "name", "A", "pin", "1111", "roles", List.of())).post(base).then()
                .statusCode(201);
        error(as(user).body(Map.of("id", "S1", "name", "B", "pin", "2222", "roles", List.of())).post(base).then(),
                400, "500005").body("message", equalTo("Staff S1 already exists"));

        error(as(user).body(Map.of("id", "S2", "name", "B", "roles", List.of())).post(base).then(), 422, "300001")
                .body("message", containsString("pin"));
        error(as(user).body("{\"id\": \"S2\", \"name\": \"B\", \"pin\": \"1\", \"roles\": \"staff\"}").post(base)
                .then(), 422, "300001");
        error(as(user).post(base).then(), 422, "300001");
    }

    @Test
    void staffListPagesAndSorts() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/staff";
        for (String[] s : new String[][]{{"S1", "Carol"}, {"S2", "Alice"}, {"S3", "Bob"}}) {
            as(user).body(Map.of("id", s[0], "name", s[1], "pin", "0000", "roles", List.of())).post(base).then()
                    .statusCode(201);
        }
        ok(as(user).queryParam("sort", "name:1").get(base).then(), 200, "get_staff_master_all_async")
                .body("data.name", equalTo(List.of("Alice", "Bob", "Carol")))
                .body("metadata.total", equalTo(3))
                .body("metadata.page", equalTo(1))
                .body("metadata.limit", equalTo(100))
                .body("metadata.sort", equalTo("name:1"));
        ok(as(user).queryParam("sort", "name:-1").queryParam("limit", 2).queryParam("page", 2).get(base).then(),
                200, "get_staff_master_all_async")
                .body("data.id", equalTo(List.of("S2")))
                .body("metadata.total", equalTo(3))
                .body("metadata.page", equalTo(2))
                .body("metadata.limit", equalTo(2))
                .body("metadata.sort", equalTo("name:-1"));
        ok(as(user).get(base).then(), 200, "get_staff_master_all_async")
                .body("data.id", equalTo(List.of("S1", "S2", "S3")))
                .body("metadata.sort", nullValue());
        error(as(user).queryParam("sort", "pin_hash:1").get(base).then(), 400, "300002");
        error(as(user).queryParam("limit", 0).get(base).then(), 422, "300001");
    }

    private String pinHash(String tenant, String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pin_hash FROM \"t_" + tenant + "\".staff WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
