package dev.kassa.report;

import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.common.test.BadInputSweep;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

/**
 * The generated bad-input sweep of the report API, whose only body is the tenant set-up: every refused body is a
 * 4xx envelope and sets up nothing.
 */
@QuarkusTest
class BadInputSweepTest extends ReportTestBase {

    @Inject
    MongoTenants tenants;

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String fresh = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        BadInputSweep.of("report", URI.create("http://localhost:" + RestAssured.port))
                .header("Authorization", "Bearer " + TestTokens.user(fresh, "admin", true))
                .sample("POST /api/v1/tenants", "{\"tenant_id\":\"" + fresh + "\"}")
                .snapshot("tenant " + fresh + " set up", () -> String.valueOf(
                        tenants.exists(fresh).await().indefinitely()))
                .run()
                .assertClean();
    }
}
