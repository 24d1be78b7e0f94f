package dev.kassa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.e2e.Api.Reply;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Everything a tenant's day shows, as {@code "what -> value"} lines, normalised so that what differs between
 * two plays of the same day by design does not count: the tenant id, event, cart and document ids, and every
 * timestamp. Journal entries, stock history rows and delivery states are compared as sets (sorted), since
 * terminals play at the same time and their interleaving is free; each terminal's own numbering is kept.
 * Two snapshots of the same day must be equal line for line.
 */
final class DaySnapshot {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern OBJECT_ID = Pattern.compile("\\b[0-9a-f]{24}\\b");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}[-/.]\\d{2}[-/.]\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}(:\\d{2})?\\b");
    /** Keys whose value is a moment or an identity of a record (not what the day is about). */
    private static final Pattern MOMENT_OR_ID = Pattern.compile(
            "(_?id|eventId|event_id|cartId|cart_id|documentId|.*[Tt]ime|.*_at|.*At|_class|version|__v)");

    final String tenant;
    /** The lines, sorted. */
    final TreeMap<String, String> lines = new TreeMap<>();
    /** What could not be read (a report that never answered 200, ...). */
    final List<String> unreadable = new ArrayList<>();

    private DaySnapshot(String tenant) {
        this.tenant = tenant;
    }

    /** Reads what the services show for the day of {@code day}. */
    static DaySnapshot of(Api api, FaultDay day, Map<String, String> infra) {
        DaySnapshot s = new DaySnapshot(day.tenant);
        String t = "/api/v1/tenants/" + day.tenant + "/stores/";
        for (String store : FaultDay.STORES) {
            // the journal of the store: every entry, as a set
            Reply j = api.get(BusinessDayTest.JOURNAL, t + store + "/journals").bearer(day.adminToken)
                    .query("limit", 100).call();
            if (j.status() != 200) {
                s.unreadable.add("journal " + store + ": HTTP " + j.status());
            } else {
                s.lines.put("journal " + store + " total", j.json().at("/metadata/total").asText());
                TreeSet<String> entries = new TreeSet<>();
                j.data().forEach(e -> entries.add(s.normalise(e).toString()));
                int i = 0;
                for (String e : entries) {
                    s.lines.put("journal " + store + " entry " + (i++), e);
                }
            }
            // the reports, per terminal and per store
            for (String type : List.of("sales", "category", "item", "payment")) {
                for (FaultDay.Terminal term : FaultDay.TERMINALS) {
                    if (term.store().equals(store)) {
                        s.report(api, day, t + store + "/terminals/" + term.no() + "/reports", type,
                                "report " + type + " " + store + "-" + term.no(), true);
                    }
                }
                s.report(api, day, t + store + "/reports", type, "report " + type + " " + store, false);
            }
            // stock: quantity, and the history as a set of movements (their order, and so before/after, is free)
            for (String item : FaultDay.ITEMS) {
                Reply q = api.get(BusinessDayTest.STOCK, t + store + "/stock/" + item).bearer(day.adminToken).call();
                s.lines.put("stock " + store + " " + item + " quantity",
                        q.status() == 200 ? q.data().path("currentQuantity").asText() : "HTTP " + q.status());
                Reply h = api.get(BusinessDayTest.STOCK, t + store + "/stock/" + item + "/history").bearer(day.adminToken)
                        .query("limit", 100).call();
                List<String> moves = new ArrayList<>();
                h.json().at("/data/data").forEach(row -> moves.add(row.path("updateType").asText() + " "
                        + row.path("quantityChange").asText()));
                moves.sort(null);
                s.lines.put("stock " + store + " " + item + " history", h.status() == 200 ? moves.toString()
                        : "HTTP " + h.status());
            }
        }
        s.deliveryStatus(infra);
        return s;
    }

    private void report(Api api, FaultDay day, String path, String type, String label, boolean terminalScope) {
        Api.Call call = api.get(BusinessDayTest.REPORT, path).bearer(day.adminToken).query("report_scope", "daily")
                .query("report_type", type).query("business_date", day.businessDate);
        if (terminalScope) {
            call.query("open_counter", 1);
        }
        Reply r = call.call();
        if (r.status() != 200) {
            unreadable.add(label + ": HTTP " + r.status() + " " + r.json().at("/userError/code").asText());
            lines.put(label, "HTTP " + r.status());
            return;
        }
        flatten(label, normalise(r.data()));
    }

    /** The delivery state of every tranlog the cart published (there is no read API for it). */
    private void deliveryStatus(Map<String, String> infra) {
        try (Connection c = cartDatabase(infra);
             PreparedStatement st = c.prepareStatement("SELECT store_code, terminal_no, transaction_no, status FROM \"t_"
                     + tenant + "\".delivery_status ORDER BY store_code, terminal_no, transaction_no")) {
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    lines.put("delivery " + r.getString(1) + "-" + r.getInt(2) + " tx " + r.getLong(3), r.getString(4));
                }
            }
        } catch (SQLException e) {
            unreadable.add("delivery status: " + e.getMessage());
        }
    }

    static Connection database(Map<String, String> infra, String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + infra.get("kassa.test.pg-port") + "/" + name,
                infra.get("quarkus.datasource.username"), infra.get("quarkus.datasource.password"));
    }

    private static Connection cartDatabase(Map<String, String> infra) throws SQLException {
        return database(infra, "cart");
    }

    /** The lines that differ from {@code other}'s (of the same day played by another tenant). */
    List<String> differencesFrom(DaySnapshot other) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(lines.keySet());
        keys.addAll(other.lines.keySet());
        for (String k : keys) {
            String mine = lines.get(k);
            String theirs = other.lines.get(k);
            if (mine == null || !mine.equals(theirs)) {
                out.add(k + ": expected " + Reply.brief(theirs, 300) + ", got " + Reply.brief(mine, 300));
            }
        }
        return out;
    }

    private void flatten(String prefix, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                flatten(prefix + "/" + f.getKey(), f.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "/" + i, node.get(i));
            }
        } else {
            lines.put(prefix, node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText());
        }
    }

    /** A copy without moments and record ids, with the tenant id, UUIDs, dates and clock times masked in text. */
    private JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode out = Api.JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (!MOMENT_OR_ID.matcher(f.getKey()).matches()) {
                    out.set(f.getKey(), normalise(f.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = Api.JSON.createArrayNode();
            node.forEach(n -> out.add(normalise(n)));
            return out;
        }
        if (node.isTextual()) {
            String text = node.asText().replace(tenant, "<tenant>");
            text = UUID.matcher(text).replaceAll("<uuid>");
            text = OBJECT_ID.matcher(text).replaceAll("<oid>");
            text = DATE_TIME.matcher(text).replaceAll("<time>");
            text = CLOCK.matcher(text).replaceAll("<clock>");
            return Api.JSON.getNodeFactory().textNode(text);
        }
        return node;
    }
}
