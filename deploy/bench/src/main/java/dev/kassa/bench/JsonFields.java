package dev.kassa.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the few fields the bench needs straight off the bytes (Jackson's streaming parser): no tree is built
 * and the rest of a document is skipped, so the client spends little on each response and tranlog.
 */
final class JsonFields {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFields() {
    }

    /** {@code data.<field>} of an envelope as text (numbers as written); empty when absent, null or not JSON. */
    static String dataField(byte[] json, String field) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("data") && value == JsonToken.START_OBJECT) {
                    return topLevel(p, Set.of(field)).getOrDefault(field, "");
                }
                p.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The scalar top-level fields of {@code names} of a JSON object, as text; absent, null or nested ones left out. */
    static Map<String, String> topLevel(byte[] json, Set<String> names) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return p.nextToken() == JsonToken.START_OBJECT ? topLevel(p, names) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** With the parser just past START_OBJECT: reads that object's scalar fields of {@code names}. */
    private static Map<String, String> topLevel(JsonParser p, Set<String> names) throws IOException {
        Map<String, String> found = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME && found.size() < names.size()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (names.contains(name) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                found.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return found;
    }
}
