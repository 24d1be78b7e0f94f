package dev.kassa.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.api.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A tranlog posted over HTTP (Kugel's "Receive Transactions" of the journal and the report) made into the
 * event the consumers of {@code pos.tranlog} read: tenant, store and terminal from the path (a body that
 * names others is a 422), snake_case ids, a {@code transaction_no}, and an event id; without one, the
 * transaction's own key, so a repeated post is one log.
 *
 * @param tran        the body, completed
 * @param eventId     the event id it now carries
 * @param clientEvent true when the poster named the event (then its publisher learns of the delivery)
 */
public record PostedTranLog(ObjectNode tran, String eventId, boolean clientEvent) {

    public static PostedTranLog of(ObjectMapper mapper, JsonNode body, String tenantId, String storeCode,
                                   int terminalNo) {
        if (!(body instanceof ObjectNode tran)) {
            throw ApiException.validation("Invalid input data: the body must be a tranlog object");
        }
        fill(tran, "tenant_id", "tenantId", mapper.getNodeFactory().textNode(tenantId));
        fill(tran, "store_code", "storeCode", mapper.getNodeFactory().textNode(storeCode));
        fill(tran, "terminal_no", "terminalNo", mapper.getNodeFactory().numberNode(terminalNo));
        JsonNode transactionNo = field(tran, "transaction_no", "transactionNo");
        if (transactionNo == null || !transactionNo.canConvertToLong()) {
            throw ApiException.validation("Invalid input data: transaction_no is required");
        }
        JsonNode givenId = field(tran, "event_id", "eventId");
        if (givenId != null && !givenId.isTextual()) {
            throw ApiException.validation("Invalid input data: event_id must be a string");
        }
        boolean clientEvent = givenId != null && !givenId.asText().isBlank();
        String eventId = clientEvent ? givenId.asText() : UUID.nameUUIDFromBytes(("tranlog/" + tenantId + "/"
                + storeCode + "/" + terminalNo + "/" + transactionNo.asLong()).getBytes(StandardCharsets.UTF_8))
                .toString();
        tran.remove("eventId");
        tran.put("event_id", eventId);
        if (field(tran, "event_type", "eventType") == null) {
            tran.put("event_type", TranLog.EVENT_TYPE);
        }
        return new PostedTranLog(tran, eventId, clientEvent);
    }

    private static JsonNode field(ObjectNode node, String snake, String camel) {
        JsonNode value = node.get(snake);
        if (value == null || value.isNull()) {
            value = node.get(camel);
        }
        return value == null || value.isNull() ? null : value;
    }

    /** Sets a field the path decides; when the body has it, it must say the same. */
    private static void fill(ObjectNode node, String snake, String camel, JsonNode fromPath) {
        JsonNode given = field(node, snake, camel);
        if (given != null && !given.asText().equals(fromPath.asText())) {
            throw ApiException.validation("Invalid input data: " + snake + " '" + given.asText()
                    + "' does not match the path ('" + fromPath.asText() + "')");
        }
        node.remove(camel);
        node.set(snake, fromPath);
    }
}
