package dev.kassa.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks on one reply, all of them before failing: a failure lists every wrong value (expected and actual)
 * and then the exchange. Numbers compare by value (100 equals 100.00); paths are JSON pointers into the
 * reply's body ({@code /data/salesGross/amount}).
 */
final class Expect {
    private final Api.Reply reply;
    private final List<String> problems = new ArrayList<>();

    private Expect(Api.Reply reply) {
        this.reply = reply;
    }

    static Expect on(Api.Reply reply) {
        return new Expect(reply);
    }

    /** A number at {@code pointer}; {@code expected} is a literal such as {@code 1255} or {@code "-50000"}. */
    Expect num(String pointer, Object expected) {
        JsonNode node = reply.json().at(pointer);
        BigDecimal want = new BigDecimal(String.valueOf(expected));
        BigDecimal got = decimal(node);
        if (got == null || got.compareTo(want) != 0) {
            problems.add(pointer + ": expected " + want.toPlainString() + ", got " + show(node));
        }
        return this;
    }

    Expect text(String pointer, String expected) {
        JsonNode node = reply.json().at(pointer);
        String got = node.isMissingNode() || node.isNull() ? null : node.asText();
        if (!Objects.equals(expected, got)) {
            problems.add(pointer + ": expected " + (expected == null ? "null" : "\"" + expected + "\"") + ", got "
                    + show(node));
        }
        return this;
    }

    Expect bool(String pointer, boolean expected) {
        JsonNode node = reply.json().at(pointer);
        if (!node.isBoolean() || node.asBoolean() != expected) {
            problems.add(pointer + ": expected " + expected + ", got " + show(node));
        }
        return this;
    }

    Expect size(String pointer, int expected) {
        JsonNode node = reply.json().at(pointer);
        if (!node.isArray() || node.size() != expected) {
            problems.add(pointer + ": expected an array of " + expected + ", got "
                    + (node.isArray() ? "an array of " + node.size() : show(node)));
        }
        return this;
    }

    Expect present(String pointer) {
        JsonNode node = reply.json().at(pointer);
        if (node.isMissingNode() || node.isNull() || node.asText().isEmpty() && node.isValueNode()) {
            problems.add(pointer + ": expected a value, got " + show(node));
        }
        return this;
    }

    Expect that(String what, boolean ok, Object actual) {
        if (!ok) {
            problems.add(what + ": got " + actual);
        }
        return this;
    }

    /** Throws an AssertionError listing every problem and the exchange, if there is any. */
    Api.Reply verify() {
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " unexpected value(s):\n    " + String.join("\n    ", problems)
                    + "\n" + reply.describe());
        }
        return reply;
    }

    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String show(JsonNode node) {
        if (node.isMissingNode()) {
            return "(missing)";
        }
        String s = node.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
