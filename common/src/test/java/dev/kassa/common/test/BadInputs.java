package dev.kassa.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bad bodies of one operation, generated from its request schema: a valid baseline (from the schema or a
 * sample the test supplies), then one field at a time replaced by a bad value, then the whole body replaced.
 *
 * <p>Each case says whether the service must refuse it ({@link Case#mustRefuse()}) or may accept it: Jackson
 * lawfully coerces {@code 123} to {@code "123"}, ignores unknown fields and reads {@code ""} as null, and
 * control characters are refused only in codes, which the schema cannot tell from names (a field whose name
 * ends in {@code code} or {@code id} is taken for a code).
 */
final class BadInputs {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A placeholder that a case's raw JSON replaces after serialization (so numbers like 1e10000 stay literal). */
    private static final String HOLE = "\u0001sweep-hole\u0001";
    private static final String HOLE_JSON = "\"\\u0001sweep-hole\\u0001\"";
    private static final int MAX_DEPTH = 4;

    static final String LONG_STRING = "x".repeat(100_000);
    static final String LONG_DIGITS = "9".repeat(100_000);
    static final int DEEP = 100_000;

    /** One request body and what the service must do with it. */
    record Case(String target, String mutation, String body, boolean mustRefuse) {
    }

    /** What a field is, as far as the schema (or the sample value) tells. */
    private record Field(String type, String format, List<String> enumValues, boolean required, String name,
                         long maxLength) {
        /** Long text the contract allows (a declared maxLength of 100,000 or more: receipts, journals). */
        boolean longTextAllowed() {
            return maxLength >= LONG_STRING.length() || LONG_TEXT_FIELDS.contains(name);
        }

        boolean codeLike() {
            String n = name.toLowerCase(Locale.ROOT).replace("_", "");
            return n.endsWith("code") || n.endsWith("id") || n.endsWith("no");
        }
    }

    /**
     * Fields of bodies without a schema (a tranlog posted as JSON) whose text may lawfully be long: the
     * receipt and journal text of the largest cart run past 100,000 characters.
     */
    private static final java.util.Set<String> LONG_TEXT_FIELDS = java.util.Set.of("receipt_text", "journal_text",
            "receiptText", "journalText", "content");

    private final JsonNode components;

    BadInputs(JsonNode openApi) {
        this.components = openApi.path("components").path("schemas");
    }

    /** The baseline of a schema: required fields only, each with a plausible value. */
    JsonNode baseline(JsonNode schema) {
        return baseline(schema, 0);
    }

    private JsonNode baseline(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode node = NODES.objectNode();
                if (depth > MAX_DEPTH) {
                    return node;
                }
                JsonNode properties = properties(schema);
                for (JsonNode name : required(schema)) {
                    node.set(name.asText(), baseline(properties.path(name.asText()), depth + 1));
                }
                return node;
            }
            case "array" -> {
                ArrayNode node = NODES.arrayNode();
                if (depth <= MAX_DEPTH) {
                    node.add(baseline(schema.path("items"), depth + 1));
                }
                return node;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return switch (schema.path("format").asText("")) {
                    case "date" -> TextNode.valueOf("2026-01-01");
                    case "date-time" -> TextNode.valueOf("2026-01-01T00:00:00Z");
                    case "uuid" -> TextNode.valueOf("00000000-0000-0000-0000-000000000001");
                    case "email" -> TextNode.valueOf("sweep@example.com");
                    default -> TextNode.valueOf("A1");
                };
            }
        }
    }

    /** Every case of one body: field by field (present in the baseline or declared by the schema), then the whole. */
    List<Case> cases(JsonNode schema, JsonNode baseline, boolean bodyRequired) {
        List<Case> cases = new ArrayList<>();
        fieldCases(schema == null ? NODES.objectNode() : schema, baseline, new ArrayList<>(), baseline, cases, 0);
        wholeBodyCases(schema, baseline, bodyRequired, cases);
        return cases;
    }

    private void fieldCases(JsonNode schema, JsonNode node, List<Object> path, JsonNode root, List<Case> out,
                            int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        schema = resolve(schema);
        if (node.isObject()) {
            JsonNode properties = properties(schema);
            // The wire accepts either casing: a sample's tenant_id is the schema's tenantId.
            Map<String, String> schemaNames = new LinkedHashMap<>();
            properties.fieldNames().forEachRemaining(n -> schemaNames.put(canonical(n), n));
            Map<String, String> names = new LinkedHashMap<>();
            node.fieldNames().forEachRemaining(n -> names.put(canonical(n), n));
            schemaNames.forEach(names::putIfAbsent);
            List<String> required = new ArrayList<>();
            required(schema).forEach(r -> required.add(canonical(r.asText())));
            for (Map.Entry<String, String> named : names.entrySet()) {
                String name = named.getValue();
                JsonNode fieldSchema = resolve(properties.path(schemaNames.getOrDefault(named.getKey(), name)));
                JsonNode value = node.get(name);
                List<Object> fieldPath = new ArrayList<>(path);
                fieldPath.add(name);
                Field field = field(fieldSchema, value, required.contains(named.getKey()), name);
                for (String[] m : mutations(field)) {
                    out.add(new Case(describe(fieldPath), m[0], replace(root, fieldPath, m[1]), m[2] != null));
                }
                if (value != null && (value.isObject() || value.isArray())) {
                    fieldCases(fieldSchema, value, fieldPath, root, out, depth + 1);
                }
            }
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> first = new ArrayList<>(path);
            first.add(0);
            JsonNode itemSchema = resolve(schema.path("items"));
            JsonNode value = node.get(0);
            if (value.isObject() || value.isArray()) {
                fieldCases(itemSchema, value, first, root, out, depth + 1);
            } else {
                Field field = field(itemSchema, value, true, path.isEmpty() ? "" : String.valueOf(path.getLast()));
                for (String[] m : mutations(field)) {
                    out.add(new Case(describe(first), m[0], replace(root, first, m[1]), m[2] != null));
                }
            }
        }
    }

    /** Mutations of one field: {name, raw JSON, non-null when the service must refuse}. */
    private static List<String[]> mutations(Field f) {
        List<String[]> m = new ArrayList<>();
        String refuse = "refuse";
        String may = null;
        m.add(new String[]{"null", "null", f.required ? refuse : may});
        switch (f.type) {
            case "integer", "number" -> {
                boolean integer = f.type.equals("integer");
                m.add(new String[]{"string \"abc\"", "\"abc\"", refuse});
                m.add(new String[]{"empty string", "\"\"", f.required ? refuse : may});
                m.add(new String[]{"boolean true", "true", refuse});
                m.add(new String[]{"object {}", "{}", refuse});
                m.add(new String[]{"array []", "[]", refuse});
                m.add(new String[]{"1e10000", "1e10000", refuse});
                m.add(new String[]{"-1e100000", "-1e100000", refuse});
                m.add(new String[]{"9223372036854775808", "9223372036854775808", refuse});
                m.add(new String[]{"-9223372036854775809", "-9223372036854775809", refuse});
                m.add(new String[]{"1e-10000", "1e-10000", refuse});
                m.add(new String[]{"exponent 1e2", "1e2", may});
                if (integer) {
                    m.add(new String[]{"fraction 1.5", "1.5", refuse});
                }
                m.add(new String[]{"100,000 digits", LONG_DIGITS, refuse});
                m.add(new String[]{"100,000-character string", quote(LONG_STRING), refuse});
            }
            case "boolean" -> {
                m.add(new String[]{"string \"abc\"", "\"abc\"", refuse});
                m.add(new String[]{"object {}", "{}", refuse});
                m.add(new String[]{"array []", "[]", refuse});
                m.add(new String[]{"1e10000", "1e10000", may});
                m.add(new String[]{"100,000-character string", quote(LONG_STRING), refuse});
            }
            case "array" -> {
                m.add(new String[]{"string \"abc\"", "\"abc\"", refuse});
                m.add(new String[]{"object {}", "{}", refuse});
                m.add(new String[]{"number 1e10000", "1e10000", refuse});
                m.add(new String[]{"deep nesting", deepArray(DEEP), refuse});
                m.add(new String[]{"array of 1,001 nulls", "[" + "null,".repeat(1000) + "null]", refuse});
            }
            case "object" -> {
                m.add(new String[]{"string \"abc\"", "\"abc\"", refuse});
                m.add(new String[]{"array []", "[]", refuse});
                m.add(new String[]{"number 1e10000", "1e10000", refuse});
                m.add(new String[]{"deep nesting", deepObject(DEEP), refuse});
            }
            default -> {
                boolean code = f.codeLike();
                m.add(new String[]{"empty string", "\"\"", may});
                m.add(new String[]{"100,000-character string", quote(LONG_STRING), f.longTextAllowed() ? may : refuse});
                m.add(new String[]{"NUL character", quote("A\u0000B"), code ? refuse : may});
                m.add(new String[]{"newline", quote("A\nB"), code ? refuse : may});
                m.add(new String[]{"escape character", quote("A\u001bB"), code ? refuse : may});
                m.add(new String[]{"number 123", "123", may});
                m.add(new String[]{"number 1e10000", "1e10000", may});
                m.add(new String[]{"boolean true", "true", may});
                m.add(new String[]{"object {}", "{}", refuse});
                m.add(new String[]{"array []", "[]", refuse});
                if (!f.enumValues.isEmpty()) {
                    m.add(new String[]{"value outside the enum", quote("NOT_IN_ENUM"), refuse});
                }
                if (f.format.equals("date") || f.format.equals("date-time")) {
                    m.add(new String[]{"not a date", quote("2026-13-45"), refuse});
                }
            }
        }
        return m;
    }

    private void wholeBodyCases(JsonNode schema, JsonNode baseline, boolean bodyRequired, List<Case> out) {
        String base = write(baseline);
        boolean object = baseline.isObject();
        boolean hasRequired = schema != null && required(resolve(schema)).size() > 0;
        // An optional body (the OpenAPI says so) may be left out: the service then takes its defaults.
        out.add(new Case("body", "null", "null", bodyRequired));
        out.add(new Case("body", "no body", "", bodyRequired));
        out.add(new Case("body", object ? "array []" : "object {}", object ? "[]" : "{}", true));
        if (!object) {
            out.add(new Case("body", "empty array", "[]", false));
        } else {
            out.add(new Case("body", "empty object", "{}", hasRequired));
        }
        out.add(new Case("body", "string", "\"abc\"", true));
        out.add(new Case("body", "number 1e10000", "1e10000", true));
        out.add(new Case("body", "malformed JSON", base.length() > 1 ? base.substring(0, base.length() - 1) : "{",
                true));
        out.add(new Case("body", "deep nesting (array)", deepArray(DEEP), true));
        out.add(new Case("body", "deep nesting (object)", deepObject(DEEP), true));
        if (object) {
            baseline.fieldNames().forEachRemaining(n -> {
                String other = n.contains("_") ? camel(n) : snake(n);
                if (!other.equals(n) && out.stream().noneMatch(c -> c.mutation().startsWith("one field in both"))) {
                    out.add(new Case("body", "one field in both casings (" + n + ", " + other + ")",
                            withExtra(baseline, other, write(baseline.get(n))), false));
                }
            });
            out.add(new Case("body", "unknown field", withExtra(baseline, "sweepUnknownField", "\"x\""), false));
            out.add(new Case("body", "unknown field nested 100,000 deep",
                    withExtra(baseline, "sweepUnknownField", deepObject(DEEP)), true));
            out.add(new Case("body", "huge document (unknown field of 100,000 numbers)",
                    withExtra(baseline, "sweepUnknownField", "[" + "1,".repeat(99_999) + "1]"), false));
        }
    }

    private static String withExtra(JsonNode baseline, String name, String raw) {
        ObjectNode copy = baseline.deepCopy();
        copy.put(name, HOLE);
        return write(copy).replace(HOLE_JSON, raw);
    }

    private static String replace(JsonNode root, List<Object> path, String raw) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, TextNode.valueOf(HOLE));
        } else {
            ((ObjectNode) parent).put((String) last, HOLE);
        }
        return write(copy).replace(HOLE_JSON, raw);
    }

    private static String describe(List<Object> path) {
        StringBuilder s = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                s.append('[').append(index).append(']');
            } else {
                s.append(s.isEmpty() ? "" : ".").append(step);
            }
        }
        return s.toString();
    }

    private Field field(JsonNode schema, JsonNode value, boolean required, String name) {
        String type = schema.isMissingNode() || type(schema).isEmpty() ? typeOf(value) : type(schema);
        List<String> enums = new ArrayList<>();
        schema.path("enum").forEach(e -> enums.add(e.asText()));
        return new Field(type, schema.path("format").asText(""), enums, required, name,
                schema.path("maxLength").asLong(-1));
    }

    private static String typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isTextual()) {
            return "string";
        }
        // A sample's 550 may be an amount, where 5.5 is as good: without a schema, any number is a number.
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema != null; i++) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (schema.has("allOf") && !schema.has("properties")) {
                ObjectNode merged = NODES.objectNode();
                ObjectNode properties = merged.putObject("properties");
                ArrayNode required = merged.putArray("required");
                for (JsonNode part : schema.get("allOf")) {
                    JsonNode p = resolve(part);
                    if (p.has("type")) {
                        merged.set("type", p.get("type"));
                    }
                    properties.setAll((ObjectNode) properties(p).deepCopy());
                    required.addAll((ArrayNode) required(p).deepCopy());
                    for (String key : List.of("enum", "format", "items", "example")) {
                        if (p.has(key)) {
                            merged.set(key, p.get(key));
                        }
                    }
                }
                schema = merged;
            } else if (schema.has("oneOf") || schema.has("anyOf")) {
                JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
                schema = options.size() > 0 ? options.get(0) : NODES.objectNode();
            } else {
                return schema;
            }
        }
        return schema == null ? NODES.missingNode() : schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.elements(); it.hasNext(); ) {
                String t = it.next().asText();
                if (!t.equals("null")) {
                    return t;
                }
            }
            return "";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
    }

    /** The declared properties; none for a body read as a bare JsonNode, whose schema lists JsonNode's getters. */
    private static JsonNode properties(JsonNode schema) {
        JsonNode p = schema.path("properties");
        return p.isObject() && !(p.has("nodeType") && p.has("valueNode")) ? p : NODES.objectNode();
    }

    private static JsonNode required(JsonNode schema) {
        JsonNode r = schema.path("required");
        return r.isArray() ? r : NODES.arrayNode();
    }

    private static String camel(String snake) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return s.toString();
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String canonical(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
