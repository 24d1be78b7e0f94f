package dev.kassa.masterdata;

import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.grpc.v1.CustomerLedgerGrpc;
import dev.kassa.masterdata.grpc.v1.ReservationReply;
import dev.kassa.masterdata.grpc.v1.ReservationRequest;
import dev.kassa.masterdata.grpc.v1.ReserveRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the ledger tests share: customers and loyalty settings through the API, tranlogs produced on
 * {@code pos.tranlog} as the cart publishes them, the CustomerLedger gRPC service as a terminal calls
 * it, and a reconciliation of balances against entries and reservations read from PostgreSQL.
 */
abstract class LedgerTestBase extends MasterDataTest {
    static final String CREDIT = "31";
    static final String POINTS = "21";
    static final String CASH = "01";
    static final String AS_OF_DAY = "20260601";

    @Inject
    TenantTx tx;

    private ManagedChannel channel;

    @AfterEach
    void closeChannel() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            channel = null;
        }
    }

    void customer(String t, String code, int creditLimit) {
        as(userToken(t)).body(Map.of("customerCode", code, "name", "Customer " + code, "creditLimit", creditLimit))
                .post("/api/v1/tenants/" + t + "/customers").then().statusCode(201);
    }

    void setting(String t, String name, String value) {
        as(userToken(t)).body(Map.of("name", name, "defaultValue", value, "values", List.of()))
                .post("/api/v1/tenants/" + t + "/settings").then().statusCode(201);
    }

    JsonPath ledger(String t, String code) {
        return as(userToken(t)).get("/api/v1/tenants/" + t + "/customers/" + code + "/ledger").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Waits up to 30 s for a balance of the customer to reach {@code expected}. */
    void awaitLedger(String t, String code, String field, Number expected) {
        BigDecimal want = new BigDecimal(expected.toString());
        await(field + " of " + code + " = " + want,
                () -> new BigDecimal(ledger(t, code).getString("data." + field)).compareTo(want) == 0);
    }

    /** Polls the consumers' effect {@code done} for up to 30 s; fails naming {@code what} if it never holds. */
    static void await(String what, Callable<Boolean> done) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(done);
    }

    static Map<String, Object> payment(int no, String code, Number amount, String reservationId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("payment_no", no);
        p.put("payment_code", code);
        p.put("amount", amount);
        p.put("deposit_amount", amount);
        p.put("detail", reservationId == null ? null : "reservation:" + reservationId);
        return p;
    }

    /** A tranlog as the cart publishes it, with only the fields the ledger reads (and the keys). */
    @SafeVarargs
    static Map<String, Object> sale(String t, String store, int terminal, long transactionNo, String businessDate,
                                    String customer, Number total, Map<String, Object>... payments) {
        Map<String, Object> tranlog = new LinkedHashMap<>();
        tranlog.put("event_id", UUID.randomUUID().toString());
        tranlog.put("event_type", "tranlog");
        tranlog.put("tenant_id", t);
        tranlog.put("store_code", store);
        tranlog.put("terminal_no", terminal);
        tranlog.put("transaction_no", transactionNo);
        tranlog.put("transaction_type", 101);
        tranlog.put("business_date", businessDate);
        tranlog.put("receipt_no", transactionNo);
        tranlog.put("customer_code", customer);
        tranlog.put("sales", Map.of("total_amount_with_tax", total, "is_cancelled", false));
        tranlog.put("payments", List.of(payments));
        return tranlog;
    }

    /** A return (102) or void (201) of {@code original}, with these payments. */
    @SafeVarargs
    static Map<String, Object> reversal(Map<String, Object> original, int type, long transactionNo,
                                        String businessDate, Map<String, Object>... payments) {
        Map<String, Object> tranlog = new LinkedHashMap<>(original);
        tranlog.put("event_id", UUID.randomUUID().toString());
        tranlog.put("transaction_no", transactionNo);
        tranlog.put("transaction_type", type);
        tranlog.put("business_date", businessDate);
        tranlog.put("receipt_no", transactionNo);
        tranlog.put("payments", List.of(payments));
        tranlog.put("origin", Map.of("tenant_id", original.get("tenant_id"), "store_code", original.get("store_code"),
                "terminal_no", original.get("terminal_no"), "transaction_no", original.get("transaction_no"),
                "transaction_type", original.get("transaction_type")));
        return tranlog;
    }

    /** Publishes tranlogs on pos.tranlog, each keyed by its terminal as the cart does, and waits for the broker. */
    @SafeVarargs
    final void tranlog(Map<String, Object>... tranlogs) {
        tranlogs(List.of(tranlogs));
    }

    void tranlogs(List<Map<String, Object>> tranlogs) {
        publish(Topics.TRANLOG, tranlogs);
    }

    /** Publishes cash logs on pos.cashlog, each keyed by its terminal as the terminal service does. */
    @SafeVarargs
    final void cashlog(Map<String, Object>... cashlogs) {
        publish(Topics.CASHLOG, List.of(cashlogs));
    }

    /** A cash in at a till as the terminal service publishes it; with a customer, a credit repayment. */
    static Map<String, Object> cashIn(String t, String store, int terminal, Number amount, String customer,
                                      String repaymentId) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("event_id", UUID.randomUUID().toString());
        c.put("event_type", "cash_in_out");
        c.put("tenant_id", t);
        c.put("store_code", store);
        c.put("terminal_no", terminal);
        c.put("staff_id", "S001");
        c.put("business_date", AS_OF_DAY);
        c.put("open_counter", 1);
        c.put("business_counter", 1);
        c.put("generate_date_time", "2026-06-01T10:00:00.000+09:00");
        c.put("amount", amount);
        c.put("description", customer == null ? "Cash In (Default)" : "Credit repayment " + customer);
        if (customer != null) {
            c.put("customer_code", customer);
        }
        if (repaymentId != null) {
            c.put("repayment_id", repaymentId);
        }
        return c;
    }

    private void publish(String topic, List<Map<String, Object>> tranlogs) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (Map<String, Object> t : tranlogs) {
                String key = Topics.terminalKey((String) t.get("tenant_id"), (String) t.get("store_code"),
                        (Integer) t.get("terminal_no"));
                producer.send(new ProducerRecord<>(topic, key, MAPPER.writeValueAsString(t))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    CustomerLedgerGrpc.CustomerLedgerBlockingStub ledgerStub(String token) {
        if (channel == null) {
            channel = NettyChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return CustomerLedgerGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    ReservationReply reserve(String t, String store, int terminal, String customer, String ledger, Number amount) {
        return ledgerStub(terminalToken(t, store, terminal)).reserve(ReserveRequest.newBuilder().setTenantId(t)
                .setCustomerCode(customer).setLedger(ledger).setAmount(amount.toString())
                .setCartId("cart-" + UUID.randomUUID()).setStoreCode(store).setTerminalNo(terminal).build());
    }

    ReservationReply confirm(String t, String store, int terminal, String reservationId) {
        return ledgerStub(terminalToken(t, store, terminal)).confirm(ReservationRequest.newBuilder().setTenantId(t)
                .setReservationId(reservationId).build());
    }

    ReservationReply release(String t, String store, int terminal, String reservationId) {
        return ledgerStub(terminalToken(t, store, terminal)).release(ReservationRequest.newBuilder().setTenantId(t)
                .setReservationId(reservationId).build());
    }

    /** Rows of a query in the tenant's schema, as maps of column to value. */
    List<Map<String, Object>> query(String t, String sql, Object... params) {
        return tx.runSql(t, conn -> conn.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < r.size(); i++) {
                    row.put(r.getColumnName(i), r.getValue(i));
                }
                out.add(row);
            }
            return out;
        })).await().atMost(java.time.Duration.ofSeconds(30));
    }

    /**
     * The ledger is consistent: each balance is the sum of its entries, and what is held is the sum of
     * the open reservations (reserved or confirmed, not yet posted or released).
     */
    void assertReconciled(String t, String customer) {
        Map<String, Object> account = query(t, """
                SELECT credit_balance, credit_reserved, points_balance, points_reserved FROM ledger_account
                WHERE customer_code = $1""", customer).get(0);
        Map<String, Object> sums = query(t, """
                SELECT coalesce(sum(amount) FILTER (WHERE ledger = 'credit'), 0) AS credit,
                       coalesce(sum(amount) FILTER (WHERE ledger = 'points'), 0) AS points
                FROM ledger_entry WHERE customer_code = $1""", customer).get(0);
        Map<String, Object> held = query(t, """
                SELECT coalesce(sum(amount) FILTER (WHERE ledger = 'credit'), 0) AS credit,
                       coalesce(sum(amount) FILTER (WHERE ledger = 'points'), 0) AS points
                FROM ledger_reservation WHERE customer_code = $1 AND status IN ('reserved', 'confirmed')""",
                customer).get(0);
        assertEquals(0, num(account.get("credit_balance")).compareTo(num(sums.get("credit"))), "credit = entries");
        assertEquals(0, num(account.get("points_balance")).compareTo(num(sums.get("points"))), "points = entries");
        assertEquals(0, num(account.get("credit_reserved")).compareTo(num(held.get("credit"))), "credit held");
        assertEquals(0, num(account.get("points_reserved")).compareTo(num(held.get("points"))), "points held");
    }

    static BigDecimal num(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
