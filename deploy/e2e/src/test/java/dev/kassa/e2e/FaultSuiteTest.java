package dev.kassa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.e2e.Api.Reply;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static dev.kassa.e2e.BusinessDayTest.obj;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fault suite: the small day of {@link FaultDay} (two tenants, two stores and three terminals each, all
 * tills at once) played through the public APIs under one fault at a time, on one fleet of the eight packaged
 * services, with fresh tenants per scenario. After each day the suite waits (polling) until the consumer
 * groups have caught up, every tranlog is delivered, every daily report answers and no outbox row is left
 * unpublished, then compares everything the tenants' day shows ({@link DaySnapshot}: every journal entry,
 * every report figure per terminal and store, stock quantities and movements, delivery status) with the
 * fault-free day's, tenant by tenant.
 *
 * <p>It prints one row per scenario: events produced (distinct tranlog, cash and open/close events of its
 * tenants), events applied per consumer (distinct events each consumer acknowledged as received on
 * {@code pos.delivery-ack.cart} or {@code pos.delivery-ack.terminal}), differences from the fault-free day,
 * dead letters of its tenants on {@code pos.dlq}, and outbox rows of its tenants left unpublished (parked or stuck); then the problems of
 * each scenario in detail. Every scenario runs even when an earlier one failed; the test fails at the end
 * unless every difference is 0, no outbox row is left, the only dead letter is the injected poison record,
 * and no scenario saw a problem. The table is also written to {@code target/e2e-logs/fault-table.txt}.
 */
class FaultSuiteTest {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(300);
    /** {@code -Dkassa.e2e.faults=2,6}: only these scenarios (and the fault-free day); all when unset. */
    private static final Set<String> ONLY = Set.of(System.getProperty("kassa.e2e.faults", "").split("\\s*,\\s*"));
    /** How long a day's events may take to settle after the day (and its fault) ended. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> EVENT_TOPICS = List.of("pos.tranlog", "pos.cashlog", "pos.opencloselog");
    /** Acknowledgements go to the publisher of the event: tranlogs' to the cart, the others' to the terminal. */
    private static final List<String> ACK_TOPICS = List.of("pos.delivery-ack.cart", "pos.delivery-ack.terminal");
    private static final List<String> CONSUMERS = List.of("journal", "report", "stock");
    /** The databases whose services write an outbox. */
    private static final List<String> OUTBOX_DATABASES = List.of("account", "terminal", "masterdata", "cart", "stock");
    private static final String POISON = "poison-";

    private final Path target = Path.of(System.getProperty("user.dir"), "target");
    private final Path logs = target.resolve("e2e-logs");
    private final Api api = new Api(logs.resolve("fault-http.log"));
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));

    private ServiceFleet fleet;
    private EventLog events;
    private Map<String, String> infra;
    private List<DaySnapshot> faultFree;
    private final List<Row> rows = new ArrayList<>();

    /** One scenario's line of the table. */
    record Row(int no, String scenario, int produced, Map<String, Integer> applied, int differences, int deadLetters,
               int poisonLetters, int parked, int retries, double seconds, List<String> problems) {

        boolean passed() {
            return differences == 0 && parked == 0 && deadLetters == poisonLetters && problems.isEmpty();
        }
    }

    /** What a scenario does: before the day, during it (beside the tills), after it (before the settling). */
    interface Fault {
        default void before(Scenario s) throws Exception {
        }

        default void during(Scenario s) throws Exception {
        }

        default void after(Scenario s) throws Exception {
        }
    }

    /** A scenario being played: its tenants' days and what it saw. */
    final class Scenario {
        final int no;
        final String name;
        final FaultDay.Options options = new FaultDay.Options();
        final List<FaultDay> days = new ArrayList<>();
        final List<String> problems = options.problems;
        volatile boolean tillsDone;

        Scenario(String name, int no) {
            this.no = no;
            this.name = name;
            for (String suffix : List.of("A", "B")) {
                days.add(new FaultDay(api, "F" + stamp + "S" + no + suffix, options));
            }
        }

        Set<String> tenants() {
            Set<String> t = new HashSet<>();
            days.forEach(d -> t.add(d.tenant));
            return t;
        }

        /** Waits until the tills have billed {@code n} sales in all (or have finished). */
        void awaitBills(int n) throws InterruptedException {
            while (options.bills.get() < n && !tillsDone) {
                Thread.sleep(100);
            }
        }

        void problem(String p) {
            problems.add(p);
            System.out.println("  ! " + name + ": " + p);
        }
    }

    @Test
    void theDayOfTwoTenantsUnderEveryFault() throws Exception {
        long began = System.nanoTime();
        try {
            start();
            faultFree = play(1, "fault-free day", new Fault() { }).snapshots;
            play(2, "Kafka stopped 30 s mid-day", new Fault() {
                @Override
                public void during(Scenario s) throws Exception {
                    s.awaitBills(4);
                    outage(s, KassaInfra.Service.KAFKA, Duration.ofSeconds(30));
                }
            });
            play(3, "kill -9 journal, report, stock in turn", new Fault() {
                @Override
                public void during(Scenario s) throws Exception {
                    // Each is started again at once, while the day goes on and the next one is killed.
                    List<CompletableFuture<Void>> restarts = new ArrayList<>();
                    int bills = 2;
                    for (String service : CONSUMERS) {
                        s.awaitBills(bills);
                        System.out.println("  " + service + " killed at bill " + s.options.bills.get());
                        fleet.kill9(service);
                        restarts.add(CompletableFuture.runAsync(() -> {
                            try {
                                fleet.restart(service, Map.of(), HEALTH_TIMEOUT);
                            } catch (Exception e) {
                                throw new RuntimeException(e);
                            }
                        }));
                        bills += 4;
                    }
                    CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
                }
            });
            play(4, "PostgreSQL stopped 60 s while stock consumes", new Fault() {
                @Override
                public void during(Scenario s) throws Exception {
                    s.awaitBills(4);
                    KassaInfra.stop(KassaInfra.Service.POSTGRES);
                    try {
                        // Stock has its tranlogs so far to consume while its store is down (delivered again:
                        // the first delivery may well be applied already).
                        for (FaultDay d : s.days) {
                            EventLog.redeliver("pos.tranlog", events.recordsOf("pos.tranlog", d.tenant));
                        }
                        Thread.sleep(60_000);
                    } finally {
                        KassaInfra.start(KassaInfra.Service.POSTGRES);
                    }
                }
            });
            play(5, "MongoDB stopped 60 s while journal and report consume", new Fault() {
                @Override
                public void during(Scenario s) throws Exception {
                    s.awaitBills(3);
                    outage(s, KassaInfra.Service.MONGO, Duration.ofSeconds(60));
                }
            });
            play(6, "every event delivered twice (replayed)", new Fault() {
                @Override
                public void after(Scenario s) throws Exception {
                    settle(s);
                    int sent = 0;
                    for (FaultDay d : s.days) {
                        for (String topic : EVENT_TOPICS) {
                            List<ConsumerRecord<String, String>> records = events.recordsOf(topic, d.tenant);
                            EventLog.redeliver(topic, records);
                            sent += records.size();
                        }
                    }
                    System.out.println("  replayed " + sent + " records");
                }
            });
            play(7, "cart killed between commit and publish", new Fault() {
                @Override
                public void before(Scenario s) throws Exception {
                    fleet.kill9("cart");
                    fleet.restart("cart", Map.of("KASSA_OUTBOX_RELAY_ENABLED", "false"), HEALTH_TIMEOUT);
                }

                @Override
                public void after(Scenario s) throws Exception {
                    int published = 0;
                    for (FaultDay d : s.days) {
                        published += events.recordsOf("pos.tranlog", d.tenant).size();
                    }
                    if (published != 0) {
                        s.problem(published + " tranlog(s) published while the cart's relay was off");
                    }
                    fleet.kill9("cart");
                    fleet.restart("cart", Map.of(), HEALTH_TIMEOUT);
                }
            });
            play(8, "oversized input refused, poison record on pos.tranlog", new Fault() {
                @Override
                public void before(Scenario s) throws Exception {
                    FaultDay d = s.days.get(0);
                    s.options.hugeCartTenant = d.tenant;
                    Reply r = api.post(BusinessDayTest.MASTERDATA, "/api/v1/tenants/" + d.tenant + "/items")
                            .bearer(d.adminToken).json(obj("itemCode", "49-99", "description", "x".repeat(1_000_001),
                                    "unitPrice", 100, "unitCost", 50, "itemDetails", List.of(), "imageUrls", List.of(),
                                    "categoryCode", "001", "taxCode", "01", "isDiscountRestricted", false)).call();
                    if (r.status() < 400 || r.status() >= 500) {
                        s.problem("an item with a 1,000,001-character description answered HTTP " + r.status()
                                + " (expected a 4xx)");
                    }
                }

                @Override
                public void during(Scenario s) throws Exception {
                    s.awaitBills(3);
                    FaultDay d = s.days.get(0);
                    // Not JSON (cut off): no consumer can ever apply it. Same key as the terminal's own events.
                    KafkaProbe.send("pos.tranlog", d.tenant + "-5678-1", "{\"event_id\":\"" + POISON + UUID.randomUUID()
                            + "\",\"tenant_id\":\"" + d.tenant + "\",\"event_type\":\"tranlog\",\"store_code\":\"5678\","
                            + "\"terminal_no\":1,\"transaction_no\":");
                }
            });
            play(9, "20 concurrent bills of one cart, Redis stopped 10 s", new Fault() {
                @Override
                public void before(Scenario s) {
                    s.options.concurrentBill = true;
                }

                @Override
                public void during(Scenario s) throws Exception {
                    s.awaitBills(4);
                    outage(s, KassaInfra.Service.REDIS, Duration.ofSeconds(10));
                }
            });
        } finally {
            String dead = fleet == null ? "" : fleet.deadServices();
            String table = table() + (dead.isEmpty() ? "" : "\nServices that died:\n" + dead)
                    + String.format("%nFault suite: %.1f s; service logs in %s%n", (System.nanoTime() - began) / 1e9, logs);
            System.out.println(table);
            Files.createDirectories(logs);
            Files.writeString(logs.resolve("fault-table.txt"), table, StandardCharsets.UTF_8);
            if (rows.size() < (ONLY.contains("") ? 9 : ONLY.size() + 1) || rows.stream().anyMatch(r -> !r.passed())) {
                fail("The fault suite found differences or problems (or did not run every scenario):\n" + table);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ start

    private void start() throws Exception {
        Path root = BusinessDayTest.projectRoot();
        if (!ServiceFleet.sharedRunning()) {
            ServiceFleet.requireFreePorts();
        }
        ServiceFleet.requireJars(root);
        infra = KassaInfra.config(KassaInfra.DEFAULT_DATABASE);
        events = new EventLog(infra.get("kafka.bootstrap.servers"));
        Path keys = ServiceFleet.sharedKeys(target.resolve("e2e-work/keys"));
        // The fleet BusinessDayTest plays on, if it ran first in this JVM; it stops with the JVM.
        fleet = ServiceFleet.shared(root, infra, keys, logs, target.resolve("e2e-work"), HEALTH_TIMEOUT);
    }

    // ------------------------------------------------------------------------------------------ one scenario

    private record Played(List<DaySnapshot> snapshots) {
    }

    private Played play(int no, String name, Fault fault) {
        if (no != 1 && !ONLY.contains("") && !ONLY.contains(String.valueOf(no))) {
            return new Played(List.of());
        }
        long t0 = System.nanoTime();
        Scenario s = new Scenario(name, no);
        System.out.println("\n=== scenario " + no + ": " + name + " (tenants " + s.tenants() + ")");
        List<DaySnapshot> snapshots = new ArrayList<>();
        int differences = 0;
        try {
            for (FaultDay d : s.days) {
                d.bootstrap();
            }
            fault.before(s);
            CompletableFuture<Void> during = CompletableFuture.runAsync(() -> {
                try {
                    fault.during(s);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try {
                FaultDay.playAll(s.days);
            } catch (ExecutionException e) {
                s.problem("the day stopped: " + e.getCause().getMessage());
            } finally {
                s.tillsDone = true;
            }
            try {
                during.get();
            } catch (ExecutionException e) {
                s.problem("the fault failed: " + e.getCause());
            }
            fault.after(s);
            settle(s);
            for (int i = 0; i < s.days.size(); i++) {
                DaySnapshot snapshot = DaySnapshot.of(api, s.days.get(i), infra);
                snapshots.add(snapshot);
                snapshot.unreadable.forEach(u -> s.problem(snapshot.tenant + ": not readable: " + u));
            }
            // The fault-free day compares its second tenant with its first; every other day, tenant by tenant.
            List<DaySnapshot> reference = faultFree == null ? List.of(snapshots.get(0), snapshots.get(0)) : faultFree;
            for (int i = 0; i < snapshots.size(); i++) {
                List<String> diff = snapshots.get(i).differencesFrom(reference.get(i));
                differences += diff.size();
                int shown = 0;
                for (String d : diff) {
                    if (shown++ == 12) {
                        s.problems.add(snapshots.get(i).tenant + ": ... and " + (diff.size() - 12) + " more differences");
                        break;
                    }
                    s.problems.add(snapshots.get(i).tenant + " differs: " + d);
                }
            }
        } catch (Throwable e) {
            s.problem("the scenario stopped: " + e);
            e.printStackTrace(System.out);
        }
        Row row = count(s, differences, (System.nanoTime() - t0) / 1e9);
        rows.add(row);
        System.out.println(header() + "\n" + line(row));
        return new Played(snapshots);
    }

    /** Stops a server for {@code length}, starts it again (also when interrupted). */
    private static void outage(Scenario s, KassaInfra.Service server, Duration length) throws InterruptedException {
        System.out.println("  " + server + " stopped at bill " + s.options.bills.get());
        KassaInfra.stop(server);
        try {
            Thread.sleep(length.toMillis());
        } finally {
            KassaInfra.start(server);
            System.out.println("  " + server + " started again at bill " + s.options.bills.get());
        }
    }

    /**
     * Polls until the day has settled: every consumer group at the end of its topics, every tranlog of the
     * tenants delivered to all three consumers, every terminal's daily sales report answering, no outbox row
     * of the tenants unpublished. Not settling within {@link #SETTLE_TIMEOUT} is a problem of the scenario
     * (what was still missing is named); the comparison then shows what it cost.
     */
    private void settle(Scenario s) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        List<String> missing = List.of();
        while (System.nanoTime() < deadline) {
            missing = unsettled(s);
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(1000);
        }
        s.problem("not settled after " + SETTLE_TIMEOUT.toSeconds() + " s: " + String.join("; ", missing));
    }

    private List<String> unsettled(Scenario s) {
        List<String> missing = new ArrayList<>();
        try {
            Map<String, List<String>> lag = events.lag();
            if (!lag.isEmpty()) {
                missing.add("consumer groups behind " + lag);
            }
        } catch (Exception e) {
            missing.add("consumer lag unknown: " + e);
        }
        for (FaultDay d : s.days) {
            for (FaultDay.Terminal t : FaultDay.TERMINALS) {
                Reply r = api.get(BusinessDayTest.REPORT, "/api/v1/tenants/" + d.tenant + "/stores/" + t.store()
                        + "/terminals/" + t.no() + "/reports").bearer(d.adminToken).query("report_scope", "daily")
                        .query("report_type", "sales").query("business_date", d.businessDate).query("open_counter", 1).call();
                if (r.status() != 200) {
                    missing.add(d.tenant + " " + t.store() + "-" + t.no() + " daily report HTTP " + r.status() + " "
                            + r.json().at("/userError/code").asText());
                }
            }
            try (Connection c = DaySnapshot.database(infra, "cart");
                 PreparedStatement st = c.prepareStatement("SELECT status, count(*) FROM \"t_" + d.tenant
                         + "\".delivery_status GROUP BY status")) {
                Map<String, Integer> states = new LinkedHashMap<>();
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        states.put(r.getString(1), r.getInt(2));
                    }
                }
                if (states.getOrDefault("delivered", 0) != FaultDay.TRANLOGS || states.size() != 1) {
                    missing.add(d.tenant + " delivery status " + states);
                }
            } catch (SQLException e) {
                missing.add(d.tenant + " delivery status unknown: " + e.getMessage());
            }
        }
        int unpublished = unpublished(s);
        if (unpublished != 0) {
            missing.add(unpublished + " outbox row(s) unpublished");
        }
        return missing;
    }

    /** Outbox rows of the scenario's tenants not published (parked, or still failing). */
    private int unpublished(Scenario s) {
        int n = 0;
        for (String db : OUTBOX_DATABASES) {
            try (Connection c = DaySnapshot.database(infra, db);
                 PreparedStatement st = c.prepareStatement(
                         "SELECT count(*) FROM kassa.outbox WHERE published_at IS NULL AND tenant_id = ANY (?)")) {
                st.setArray(1, c.createArrayOf("text", s.tenants().toArray()));
                try (ResultSet r = st.executeQuery()) {
                    r.next();
                    n += r.getInt(1);
                }
            } catch (SQLException e) {
                s.problem("outbox of " + db + " not readable: " + e.getMessage());
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------ counting

    private Row count(Scenario s, int differences, double seconds) {
        int produced = -1;
        Map<String, Integer> applied = new LinkedHashMap<>();
        int dead = -1;
        int poison = 0;
        int parked = -1;
        try {
            Set<String> tenants = s.tenants();
            Map<String, Integer> perTopic = new LinkedHashMap<>();
            for (String topic : EVENT_TOPICS) {
                int n = 0;
                for (String tenant : tenants) {
                    n += EventLog.eventIds(events.recordsOf(topic, tenant)).size();
                }
                perTopic.put(topic, n);
            }
            produced = perTopic.values().stream().mapToInt(Integer::intValue).sum();
            int expected = 2 * (FaultDay.TRANLOGS + FaultDay.CASHLOGS + FaultDay.OPENCLOSELOGS);
            if (produced != expected) {
                s.problem("events produced " + perTopic + ", expected " + expected + " in all");
            }
            Map<String, Set<String>> acked = new LinkedHashMap<>();
            CONSUMERS.forEach(c -> acked.put(c, new HashSet<>()));
            List<ConsumerRecord<String, String>> acks = new ArrayList<>();
            for (String topic : ACK_TOPICS) {
                acks.addAll(events.recordsWhere(topic, v -> tenants.stream().anyMatch(v::contains)));
            }
            for (ConsumerRecord<String, String> r : acks) {
                JsonNode ack = KafkaProbe.json(r.value());
                if (!tenants.contains(ack.path("tenant_id").asText()) || !"received".equals(ack.path("status").asText())) {
                    continue;
                }
                String service = ack.path("service").asText();
                for (String c : CONSUMERS) {
                    if (service.startsWith(c)) {
                        acked.get(c).add(ack.path("event_id").asText());
                    }
                }
            }
            acked.forEach((c, ids) -> applied.put(c, ids.size()));
            int tranlogs = perTopic.get("pos.tranlog");
            if (applied.get("stock") != tranlogs) {
                s.problem("stock acknowledged " + applied.get("stock") + " of " + tranlogs + " tranlogs");
            }
            for (String c : List.of("journal", "report")) {
                if (applied.get(c) != produced) {
                    s.problem(c + " acknowledged " + applied.get(c) + " of " + produced + " events");
                }
            }
            List<ConsumerRecord<String, String>> letters = events.recordsWhere("pos.dlq",
                    v -> tenants.stream().anyMatch(v::contains));
            dead = letters.size();
            poison = (int) letters.stream().filter(r -> r.value().contains(POISON)).count();
            List<ConsumerRecord<String, String>> others = letters.stream().filter(r -> !r.value().contains(POISON)).toList();
            for (ConsumerRecord<String, String> r : others.subList(0, Math.min(5, others.size()))) {
                s.problem("dead letter: " + Reply.brief(r.value(), 300));
            }
            if (others.size() > 5) {
                s.problem("... and " + (others.size() - 5) + " more dead letters");
            }
            if (s.name.contains("poison") && poison == 0) {
                s.problem("the poison record is not on pos.dlq");
            }
            parked = unpublished(s);
        } catch (Exception e) {
            s.problem("counting failed: " + e);
        }
        return new Row(s.no, s.name, produced, applied, differences, dead, poison, parked, s.options.retries.get(), seconds,
                List.copyOf(s.problems));
    }

    // ------------------------------------------------------------------------------------------ the table

    private static String header() {
        return String.format("%-2s %-54s %8s %8s %8s %8s %6s %7s %6s %7s %7s %s", "#", "scenario", "produced", "journal",
                "report", "stock", "diffs", "dead", "parked", "retries", "time", "result");
    }

    private static String line(Row r) {
        return String.format("%-2d %-54s %8d %8s %8s %8s %6d %7s %6d %7d %6.0fs %s", r.no(), r.scenario(), r.produced(),
                r.applied().getOrDefault("journal", -1), r.applied().getOrDefault("report", -1),
                r.applied().getOrDefault("stock", -1), r.differences(),
                r.deadLetters() + (r.poisonLetters() > 0 ? " (" + r.poisonLetters() + "p)" : ""), r.parked(),
                r.retries(), r.seconds(), r.passed() ? "ok" : "FAILED (" + r.problems().size() + " problems)");
    }

    private String table() {
        StringBuilder out = new StringBuilder("\nFault suite: two tenants x (2 stores, 3 terminals), "
                + "each scenario compared with the fault-free day\n"
                + "(applied = distinct events each consumer acknowledged as received; dead = records of the scenario's"
                + " tenants on pos.dlq, (np) = n of them the injected poison; parked = outbox rows left unpublished;\n"
                + " retries = calls the tills repeated after a 5xx or no answer)\n");
        out.append(header()).append('\n');
        for (Row r : rows) {
            out.append(line(r)).append('\n');
        }
        for (Row r : rows) {
            if (!r.problems().isEmpty()) {
                out.append("\n--- ").append(r.no()).append(' ').append(r.scenario()).append(":\n");
                r.problems().forEach(p -> out.append("  ").append(Reply.brief(p, 600)).append('\n'));
            }
        }
        return out.toString();
    }
}
