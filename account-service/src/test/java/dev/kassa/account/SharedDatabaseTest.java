package dev.kassa.account;

import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.newTenantId;
import static dev.kassa.account.Accounts.register;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tenants this instance did not create itself: left half-made, or made by another replica. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class SharedDatabaseTest {

    @Inject
    TenantSchemas schemas;

    @Inject
    DataSource dataSource;

    @Test
    void aTenantWithoutUsersGetsItsFirstSuperuser() {
        // As left by a registration that failed after provisioning the schema.
        String tenant = newTenantId();
        assertEquals(true, schemas.provision(tenant).await().atMost(Duration.ofSeconds(30)));
        register(body("username", "late-owner", "password", "Pa55-wp-etal", "tenant_id", tenant))
                .statusCode(201).body("data.tenantId", is(tenant));
        register(body("username", "second", "password", "Pa55-wp-00", "tenant_id", tenant))
                .statusCode(400).body("userError.code", is("408001"));
        Accounts.token("late-owner", "Pa55-wp-etal", tenant);
    }

    @Test
    void aTenantRegisteredThroughAnotherReplicaIsServed() throws SQLException, IOException {
        // Another replica made the tenant and its superuser; this instance has never heard of it.
        String tenant = newTenantId();
        String schema = "\"t_" + tenant + "\"";
        StringBuilder ddl = new StringBuilder();
        for (String script : java.util.List.of("db/tenant/V1__users.sql", "db/tenant/V3__sessions.sql")) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
                ddl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("SET search_path TO " + schema);
            st.execute(ddl.toString());
            st.execute("SET search_path TO DEFAULT");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kassa.tenant (tenant_id) VALUES (?)")) {
                ps.setString(1, tenant);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".users "
                    + "(username, hashed_password, is_superuser, roles) VALUES (?, ?, true, '{superuser}')")) {
                ps.setString(1, "remote");
                ps.setString(2, BcryptUtil.bcryptHash("Pa55-wp-etomer"));
                ps.executeUpdate();
            }
        }
        String token = Accounts.token("remote", "Pa55-wp-etomer", tenant);
        Accounts.registerUser(token, body("username", "local", "password", "Pa55-wp-lacol")).statusCode(201)
                .body("data.tenantId", is(tenant));
        Accounts.token("local", "Pa55-wp-lacol", tenant);
        register(body("username", "remote", "password", "Pa55-wp-00", "tenant_id", tenant))
                .statusCode(400).body("userError.code", is("408001"));
    }
}
