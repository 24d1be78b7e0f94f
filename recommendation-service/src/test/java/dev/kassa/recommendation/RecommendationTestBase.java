package dev.kassa.recommendation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.MasterDataChanged;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import dev.kassa.recommendation.grpc.v1.RecommendRequest;
import dev.kassa.recommendation.grpc.v1.RecommendationServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/** Shared set-up of the recommendation tests: real Kafka and Redis, a fresh tenant per test, tranlogs. */
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL)
public abstract class RecommendationTestBase {
    protected static final ObjectMapper EVENTS = new ObjectMapper();
    private static final AtomicLong TRANSACTIONS = new AtomicLong();

    protected static String newTenant() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected static RequestSpecification as(String tenant) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "manager", false));
    }

    protected static String path(String tenant, String store) {
        return "/api/v1/tenants/" + tenant + "/stores/" + store + "/recommendations";
    }

    protected static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A completed sale (101) of the given items, one of each, at this moment. */
    protected static TranLog sale(String tenant, String store, String... items) {
        return tranlog(UUID.randomUUID().toString(), tenant, store, TRANSACTIONS.incrementAndGet(), TranLog.SALE,
                false, now(), null, items);
    }

    /** A return (102), void (201) or void of a return (202) of {@code original}: the same lines, as the cart writes it. */
    protected static TranLog reversal(TranLog original, int type) {
        TranLog.Origin origin = new TranLog.Origin(original.tenantId(), original.storeCode(), original.terminalNo(),
                original.transactionNo(), original.transactionType(), original.businessDate(),
                original.generateDateTime(), original.receiptNo());
        String[] items = original.lineItems().stream().map(TranLog.LineItem::itemCode).toArray(String[]::new);
        return tranlog(UUID.randomUUID().toString(), original.tenantId(), original.storeCode(),
                TRANSACTIONS.incrementAndGet(), type, false, now(), origin, items);
    }

    protected static TranLog cancelled(String tenant, String store, String... items) {
        return tranlog(UUID.randomUUID().toString(), tenant, store, TRANSACTIONS.incrementAndGet(), TranLog.SALE,
                true, now(), null, items);
    }

    protected static TranLog tranlog(String eventId, String tenant, String store, long transactionNo, int type,
                                     boolean cancelled, String at, TranLog.Origin origin, String... itemCodes) {
        List<TranLog.LineItem> items = new ArrayList<>();
        int no = 1;
        for (String item : itemCodes) {
            items.add(new TranLog.LineItem(no++, item, "Item " + item, "01", new BigDecimal("100"),
                    new BigDecimal("100"), false, 1, new BigDecimal("100"), "01", List.of(), List.of(), false,
                    false));
        }
        TranLog.Sales sales = new TranLog.Sales(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, items.size(),
                BigDecimal.ZERO, BigDecimal.ZERO, cancelled, false, BigDecimal.ZERO, BigDecimal.ZERO);
        return new TranLog(eventId, TranLog.EVENT_TYPE, tenant, store, "Store " + store, 1, transactionNo, type,
                "20260101", 1, 1, at, transactionNo, new TranLog.Person("u1", "User"),
                new TranLog.Person("staff1", "Staff"), sales, items, List.of(), List.of(), List.of(), origin, "", "",
                Map.of());
    }

    protected static String json(Object event) {
        try {
            return EVENTS.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void send(TranLog... tranlogs) {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (TranLog t : tranlogs) {
            records.add(Map.entry(Topics.terminalKey(t.tenantId(), t.storeCode(), t.terminalNo()), json(t)));
        }
        KafkaProbe.sendAll(Topics.TRANLOG, records);
    }

    protected static void itemChanged(String tenant, String item, String action) {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(Topics.MASTERDATA, tenant, json(new MasterDataChanged(id, MasterDataChanged.EVENT_TYPE, tenant,
                "item", item, null, action, now())));
    }

    /** A plain gRPC client on the HTTP port, as the cart would call the service. */
    protected static ManagedChannel channel(int port) {
        return NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    protected static ManagedChannel channel() {
        return channel(RestAssured.port);
    }

    protected static RecommendationServiceGrpc.RecommendationServiceBlockingStub stub(ManagedChannel channel,
                                                                                      String token) {
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        return RecommendationServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    protected static RecommendRequest request(String tenant, String store, int limit, String... items) {
        return RecommendRequest.newBuilder().setTenantId(tenant).setStoreCode(store).addAllItemCodes(List.of(items))
                .setLimit(limit).build();
    }
}
