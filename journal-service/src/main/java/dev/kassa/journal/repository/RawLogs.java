package dev.kassa.journal.repository;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A log's JSON as a BSON document, numbers kept exact: decimals become Decimal128 (never double),
 * so the stored log says what the terminal sent to the cent.
 */
public final class RawLogs {

    private RawLogs() {
    }

    public static Document document(JsonNode object) {
        Document doc = new Document();
        object.properties().forEach(e -> doc.put(e.getKey(), value(e.getValue())));
        return doc;
    }

    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return document(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(n -> list.add(value(n)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return decimal(node.decimalValue());
        }
        return node.asText();
    }

    private static Object decimal(BigDecimal value) {
        try {
            return new Decimal128(value);
        } catch (NumberFormatException e) {
            // More than 34 digits or beyond Decimal128's exponent: keep the exact text.
            return value.toString();
        }
    }
}
