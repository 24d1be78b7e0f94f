package dev.kassa.masterdata;

import dev.kassa.common.auth.ApiKeys;
import dev.kassa.masterdata.grpc.v1.ItemDetailRequest;
import dev.kassa.masterdata.grpc.v1.ItemDetailResponse;
import dev.kassa.masterdata.grpc.v1.ItemServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import dev.kassa.common.auth.RevokedTokens;
import dev.kassa.common.test.TestTokens;
import jakarta.inject.Inject;
import java.time.Instant;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ItemService.GetItemDetail on the HTTP port, through a plain gRPC client as the cart would call it. */
@QuarkusTest
class ItemDetailGrpcTest extends MasterDataTest {

    ManagedChannel channel;

    @Inject
    RevokedTokens revoked;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    ItemServiceGrpc.ItemServiceBlockingStub stub(String token) {
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        return ItemServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    static ItemDetailRequest request(String tenant, String store, String item) {
        return ItemDetailRequest.newBuilder().setTenantId(tenant).setStoreCode(store).setItemCode(item).build();
    }

    @Test
    void getItemDetail() {
        String t = provisioned();
        String user = userToken(t);
        Map<String, Object> item = ItemResourceTest.item("49-01", "Item1", 120);
        item.put("isDiscountRestricted", true);
        as(user).body(item).post("/api/v1/tenants/" + t + "/items").then().statusCode(201);
        as(user).body(ItemResourceTest.item("49-02", "Item2", 80.5)).post("/api/v1/tenants/" + t + "/items").then()
                .statusCode(201);
        as(user).body(Map.of("itemCode", "49-01", "storePrice", 100))
                .post("/api/v1/tenants/" + t + "/stores/5678/items").then().statusCode(201);

        ItemDetailResponse withStorePrice = stub(serviceToken(t)).getItemDetail(request(t, "5678", "49-01"));
        assertTrue(withStorePrice.getFound());
        assertEquals("49-01", withStorePrice.getItemCode());
        assertEquals("Item1", withStorePrice.getItemName());
        assertEquals("120", withStorePrice.getUnitPrice());
        assertTrue(withStorePrice.hasStorePrice());
        assertEquals("100", withStorePrice.getStorePrice());
        assertEquals("100", withStorePrice.getPrice());
        assertEquals("50", withStorePrice.getUnitCost());
        assertEquals("001", withStorePrice.getCategoryCode());
        assertEquals("01", withStorePrice.getTaxCode());
        assertTrue(withStorePrice.getIsDiscountRestricted());
        assertEquals(List.of("http://img/1.png"), withStorePrice.getImageUrlsList());

        ItemDetailResponse commonPrice = stub(terminalToken(t, "5678", 9)).getItemDetail(request(t, "5678", "49-02"));
        assertFalse(commonPrice.hasStorePrice());
        assertEquals("80.5", commonPrice.getUnitPrice());
        assertEquals("80.5", commonPrice.getPrice());
        assertFalse(commonPrice.getIsDiscountRestricted());

        ItemDetailResponse otherStore = stub(user).getItemDetail(request(t, "1111", "49-01"));
        assertFalse(otherStore.hasStorePrice());
        assertEquals("120", otherStore.getPrice());

        assertStatus(Status.Code.NOT_FOUND, () -> stub(user).getItemDetail(request(t, "5678", "NOPE")));
        as(user).queryParam("is_logical", true).delete("/api/v1/tenants/" + t + "/items/49-02").then().statusCode(200);
        assertStatus(Status.Code.NOT_FOUND, () -> stub(user).getItemDetail(request(t, "5678", "49-02")));
        String unknownTenant = newTenant();
        assertStatus(Status.Code.NOT_FOUND,
                () -> stub(userToken(unknownTenant)).getItemDetail(request(unknownTenant, "5678", "49-01")));
    }

    @Test
    void getItemDetailNeedsATokenOfTheTenant() {
        String t = provisioned();
        as(userToken(t)).body(ItemResourceTest.item("49-01", "Item1", 120)).post("/api/v1/tenants/" + t + "/items")
                .then().statusCode(201);
        assertStatus(Status.Code.UNAUTHENTICATED, () -> stub(null).getItemDetail(request(t, "5678", "49-01")));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> stub("garbage").getItemDetail(request(t, "5678", "49-01")));
        assertStatus(Status.Code.PERMISSION_DENIED,
                () -> stub(userToken(newTenant())).getItemDetail(request(t, "5678", "49-01")));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> stub(userToken(t)).getItemDetail(request(t, "5678", "")));
        // Codes past their bounds are the caller's mistake, never an INTERNAL failure of the store.
        assertStatus(Status.Code.INVALID_ARGUMENT,
                () -> stub(userToken(t)).getItemDetail(request(t, "5678", "4".repeat(10_000))));
        assertStatus(Status.Code.INVALID_ARGUMENT,
                () -> stub(userToken(t)).getItemDetail(request(t, "5678", "49\u000001")));
        assertStatus(Status.Code.INVALID_ARGUMENT,
                () -> stub(userToken(t)).getItemDetail(request(t, "56\u000078", "49-01")));
        assertEquals("Item1", stub(userToken(t)).getItemDetail(request(t, "5678", "49-01")).getItemName());

        // a user token revoked by a logout or a deactivation stops working here too
        String revokedToken = userToken(t);
        assertEquals("Item1", stub(revokedToken).getItemDetail(request(t, "5678", "49-01")).getItemName());
        revoked.revoke(TestTokens.tokenId(revokedToken), Instant.now().plusSeconds(600)).await().indefinitely();
        assertStatus(Status.Code.UNAUTHENTICATED, () -> stub(revokedToken).getItemDetail(request(t, "5678", "49-01")));
    }

    @Test
    void getItemDetailAcceptsATerminalApiKey() {
        String t = provisioned();
        as(userToken(t)).body(ItemResourceTest.item("49-01", "Item1", 120)).post("/api/v1/tenants/" + t + "/items")
                .then().statusCode(201);
        // The key as the terminal service leaves it verified in the shared cache.
        String terminalId = t + "-5678-9";
        String key = ApiKeys.generate();
        redis.hash(String.class).hset(ApiKeys.cacheKey(terminalId), Map.of("keyHash", ApiKeys.hash(key),
                "storeCode", "5678", "terminalNo", "9"));
        assertEquals("Item1", keyStub(key, terminalId).getItemDetail(request(t, "5678", "49-01")).getItemName());
        assertStatus(Status.Code.PERMISSION_DENIED,
                () -> keyStub(key, terminalId).getItemDetail(request(newTenant(), "5678", "49-01")));
        // An uncached key needs the terminal service, which this test does not run: refused as unavailable.
        assertStatus(Status.Code.UNAVAILABLE,
                () -> keyStub(ApiKeys.generate(), t + "-5678-8").getItemDetail(request(t, "5678", "49-01")));
    }

    ItemServiceGrpc.ItemServiceBlockingStub keyStub(String apiKey, String terminalId) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
        headers.put(Metadata.Key.of("terminal-id", Metadata.ASCII_STRING_MARSHALLER), terminalId);
        return ItemServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    static void assertStatus(Status.Code expected, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(expected, e.getStatus().getCode(), e.getStatus().toString());
    }
}
