package dev.kassa.stock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.ops.DeadLetter;
import dev.kassa.ops.DeadLetterQueue;
import dev.kassa.ops.Ops;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./pos dlq}: a tranlog of a tenant stock does not hold yet is dead-lettered; once the tenant
 * is provisioned, re-driving applies it, and re-driving it again changes nothing.
 */
@QuarkusTest
class DeadLetterRedriveTest extends StockTestBase {

    private static String bootstrap() {
        return KassaInfra.config().get("kafka.bootstrap.servers");
    }

    private static String ops(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--kafka";
        all[1] = bootstrap();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Ops.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDeadLetterIsListedAndReDrivenOnceTheTenantExistsAndAgainChangesNothing() {
        String t = newTenantId();
        String s = "DLQ";
        TranLog sale = tranlog(t, s, 1, TranLog.SALE, false, Line.of("A", 4), Line.of("B", 1));
        send(sale);
        DeadLetterQueue dlq = new DeadLetterQueue(bootstrap());
        await().atMost(Duration.ofSeconds(60)).until(() -> ours(dlq, t).size() == 1);
        DeadLetter letter = ours(dlq, t).get(0);
        assertEquals("stock-service/tranlog", letter.consumer());
        assertEquals(Topics.TRANLOG, letter.originalTopic());
        assertEquals(Topics.terminalKey(t, s, 9), letter.key());
        String listing = ops("dlq", "list");
        assertTrue(listing.contains("stock-service/tranlog"), listing);
        assertTrue(listing.contains("Tenant " + t + " not found"), listing);
        assertTrue(listing.contains("key=" + letter.key()), listing);

        newTenant(t);
        String redriven = ops("dlq", "redrive", "--consumer", "stock-service", "--reason", t);
        assertTrue(redriven.contains("1 dead letter(s) re-driven"), redriven);
        TranLogConsumerTest.awaitQuantities(t, s, Map.of("A", -4, "B", -1));
        assertTrue(ours(dlq, t).isEmpty(), "no longer pending");
        assertTrue(!ops("dlq", "list").contains("Tenant " + t + " not found"));

        // A second re-drive finds nothing pending; forced, it delivers the record again and changes nothing.
        assertTrue(ops("dlq", "redrive", "--consumer", "stock-service", "--reason", t)
                .contains("0 dead letter(s) re-driven"));
        assertTrue(ops("dlq", "redrive", "--consumer", "stock-service", "--reason", t, "--again")
                .contains("1 dead letter(s) re-driven"));
        List<JsonNode> acks = TranLogConsumerTest.acksOf(t, 3);
        assertEquals(1, acks.stream().filter(a -> "Duplicate event".equals(a.path("message").asText())).count());
        as(t).get(stock(t, s) + "/A").then().statusCode(200).body("data.currentQuantity", equalTo(-4));
        as(t).get(stock(t, s) + "/A/history").then().body("data.metadata.total", equalTo(1));
    }

    private static List<DeadLetter> ours(DeadLetterQueue dlq, String tenant) {
        return dlq.pending().stream().filter(d -> d.key() != null && d.key().startsWith(tenant + "-")).toList();
    }
}
