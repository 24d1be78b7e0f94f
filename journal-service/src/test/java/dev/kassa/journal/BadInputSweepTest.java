package dev.kassa.journal;

import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.common.test.BadInputSweep;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** The generated bad-input sweep of the journal API: every refused body is a 4xx envelope and stores nothing. */
@QuarkusTest
class BadInputSweepTest extends JournalTestBase {

    @Inject
    MongoTenants tenants;

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String tenant = newTenant();
        String store = "W1";
        String fresh = "J" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String tranlog = json(tranlog(newId(), tenant, store, 1, 1, 101, false, "20260202",
                "2026-02-02T10:00:00+09:00", 901, "550", 5, "SWEEP"));

        BadInputSweep.of("journal", URI.create("http://localhost:" + RestAssured.port))
                .header("Authorization", "Bearer " + TestTokens.user(tenant, "admin", true))
                .pathValue("tenantId", tenant)
                .pathValue("storeCode", store)
                .pathValue("terminalNo", "1")
                .headers("POST /api/v1/tenants",
                        Map.of("Authorization", "Bearer " + TestTokens.user(fresh, "admin", true)))
                .sample("POST /api/v1/tenants", "{\"tenant_id\":\"" + fresh + "\"}")
                .sample("POST /api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/journals",
                        "{\"transactionType\":502,\"businessDate\":\"20260201\",\"openCounter\":1,"
                                + "\"businessCounter\":3,\"generateDateTime\":\"2026-02-01T18:00:00+09:00\","
                                + "\"journalText\":\"SWEEP\",\"receiptText\":\"SWEEP receipt\",\"staffId\":\"SYSTEM\"}")
                .sample("POST /api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/transactions",
                        tranlog)
                .snapshot(journals(tenant, store) + "?limit=100")
                .snapshot("tenant " + fresh + " set up", () -> String.valueOf(
                        tenants.exists(fresh).await().indefinitely()))
                .run()
                .assertClean();
    }
}
