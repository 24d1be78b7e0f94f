package dev.kassa.recommendation;

import dev.kassa.common.auth.RevokedTokens;
import dev.kassa.common.test.RoleTable;
import dev.kassa.common.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of the recommendation API, REST and gRPC, answers each role as the role table says. */
@QuarkusTest
class RolesTest extends RecommendationTestBase {

    @Inject
    RevokedTokens revoked;

    @Test
    void everyOperationAnswersEachRoleAsTheTableSays() {
        RoleTable.of("recommendation", URI.create("http://localhost:" + RestAssured.port), RoleTable.unusedTenant())
                .check();
    }

    @Test
    void grpcCallersNeedARoleThatReadsAtTheTill() throws InterruptedException {
        String t = RoleTable.unusedTenant();
        ManagedChannel channel = channel();
        try {
            for (String role : new String[] {"owner", "manager", "cashier"}) {
                assertTrue(stub(channel, TestTokens.withRoles(t, role, role)).recommend(request(t, "S1", 5, "A"))
                        .getRecommendationsList().isEmpty(), role);
            }
            for (String token : new String[] {TestTokens.withRoles(t, "viewer", "viewer"),
                    TestTokens.withRoles(t, "nobody")}) {
                StatusRuntimeException denied = assertThrows(StatusRuntimeException.class,
                        () -> stub(channel, token).recommend(request(t, "S1", 5, "A")));
                assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRevokedUserTokenIsRefusedOverGrpc() throws InterruptedException {
        String t = RoleTable.unusedTenant();
        String token = TestTokens.withRoles(t, "owner", "owner");
        ManagedChannel channel = channel();
        try {
            assertTrue(stub(channel, token).recommend(request(t, "S1", 5, "A")).getRecommendationsList().isEmpty());
            revoked.revoke(TestTokens.tokenId(token), Instant.now().plusSeconds(600)).await().indefinitely();
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> stub(channel, token).recommend(request(t, "S1", 5, "A")));
            assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
