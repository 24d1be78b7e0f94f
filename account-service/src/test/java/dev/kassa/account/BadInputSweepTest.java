package dev.kassa.account;

import dev.kassa.common.test.BadInputSweep;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;

import static dev.kassa.account.Accounts.registerTenant;

/** The generated bad-input sweep of the account API: every refused body is a 4xx envelope and stores nothing. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class BadInputSweepTest {

    @Inject
    DataSource dataSource;

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        StoredUsers users = new StoredUsers(dataSource);
        String tenant = registerTenant("admin", "Kassa-Pa55");
        String fresh = Accounts.newTenantId();

        BadInputSweep.of("account", URI.create("http://localhost:" + RestAssured.port))
                .header("Authorization", "Bearer " + TestTokens.user(tenant, "admin", true))
                .sample("POST /api/v1/accounts/register",
                        "{\"username\":\"sweep\",\"password\":\"Broom-Pa55w\",\"tenant_id\":\"" + fresh + "\"}")
                .sample("POST /api/v1/accounts/register/user",
                        "{\"username\":\"sweep\",\"password\":\"Broom-Pa55w\",\"tenant_id\":\"" + tenant
                                + "\",\"roles\":[\"cashier\"]}")
                .snapshot("tenants", () -> String.valueOf(users.tenants().size()))
                .snapshot("users of " + tenant, () -> String.valueOf(users.count(tenant)))
                .run()
                .assertClean();
    }
}
