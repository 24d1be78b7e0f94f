package dev.kassa.recommendation;

import dev.kassa.common.test.FakeTerminalService;
import dev.kassa.recommendation.grpc.v1.RecommendationServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A terminal may ask with its API key instead of a token, over gRPC and HTTP, for its own tenant only. */
@QuarkusTest
@WithTestResource(FakeTerminalService.class)
class ApiKeyAuthTest extends RecommendationTestBase {

    static RecommendationServiceGrpc.RecommendationServiceBlockingStub withKey(ManagedChannel channel,
                                                                               String terminal, String key) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), key);
        headers.put(Metadata.Key.of("terminal-id", Metadata.ASCII_STRING_MARSHALLER), terminal);
        return RecommendationServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Test
    void aTerminalAsksWithItsApiKeyForItsOwnTenantOnly() throws InterruptedException {
        String t = newTenant();
        String other = newTenant();
        String terminal = t + "-S1-1";
        String key = FakeTerminalService.keyOf(terminal);
        ManagedChannel channel = channel();
        try {
            assertTrue(withKey(channel, terminal, key).recommend(request(t, "S1", 5, "A"))
                    .getRecommendationsList().isEmpty());
            StatusRuntimeException wrongKey = assertThrows(StatusRuntimeException.class, () ->
                    withKey(channel, terminal, "not-the-key").recommend(request(t, "S1", 5, "A")));
            assertEquals(Status.Code.UNAUTHENTICATED, wrongKey.getStatus().getCode());
            StatusRuntimeException otherTenant = assertThrows(StatusRuntimeException.class, () ->
                    withKey(channel, terminal, key).recommend(request(other, "S1", 5, "A")));
            assertEquals(Status.Code.PERMISSION_DENIED, otherTenant.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        given().header("X-API-KEY", key).queryParam("terminal_id", terminal).queryParam("item_codes", "A")
                .get(path(t, "S1")).then().statusCode(200).body("success", equalTo(true));
        given().header("X-API-KEY", "not-the-key").queryParam("terminal_id", terminal)
                .get(path(t, "S1")).then().statusCode(401).body("success", equalTo(false));
    }
}
