package dev.kassa.ops.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Prometheus alert rules and scrape configuration (deploy/prometheus), the Grafana dashboard
 * (deploy/grafana) and the compose file (deploy/compose): they parse, they name only metrics the services
 * publish, the alerts the issue asks for exist, and compose sets every variable a service reads.
 */
class ObservabilityTest {
    static final Path ROOT = ManifestTest.ROOT;
    /**
     * The metrics of the services as Prometheus shows them (Micrometer's dots become underscores, counters
     * end in _total): Kassa's business meters, SmallRye Fault Tolerance's breaker state, Quarkus' HTTP
     * server timer, the Kafka client's consumer lag, and Prometheus' own up.
     */
    static final Set<String> METRICS = Set.of(
            "kassa_sales_total", "kassa_sales_amount_total", "kassa_voids_total", "kassa_returns_total",
            "kassa_events_published_total", "kassa_outbox_backlog", "kassa_outbox_oldest_age_seconds",
            "kassa_outbox_parked", "kassa_events_consumed_total", "kassa_events_dead_lettered_total",
            "kafka_consumer_fetch_manager_records_lag_max", "ft_circuitbreaker_state_total_seconds", "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum", "http_server_requests_seconds_max", "up");
    /** What the issue asks alerts for: outbox age, dead letters, lag, error rate. */
    static final Set<String> ALERTED = Set.of("kassa_outbox_oldest_age_seconds", "kassa_events_dead_lettered_total",
            "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds_count");
    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "offset", "and", "or", "unless");
    static final ObjectMapper STRICT = Manifests.STRICT;

    record Rule(String alert, String record, String expr, @JsonProperty("for") String forDuration,
                Map<String, String> labels, Map<String, String> annotations) {
    }

    record Group(String name, String interval, List<Rule> rules) {
    }

    record RuleFile(List<Group> groups) {
    }

    static JsonNode alerts;
    static JsonNode dashboard;

    @BeforeAll
    static void read() throws Exception {
        alerts = Manifests.YAML.readTree(ROOT.resolve("deploy/prometheus/alerts.yml").toFile());
        dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/kassa.json").toFile());
    }

    /** The metric names of a PromQL expression: what is left without label matchers, ranges, strings, groupings and functions. */
    static Set<String> metrics(String expr) {
        String s = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()").matcher(s);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static List<String> checkAlerts(JsonNode file) {
        List<String> problems = new ArrayList<>();
        RuleFile rules;
        try {
            rules = STRICT.treeToValue(file, RuleFile.class);
        } catch (Exception e) {
            return List.of("alerts.yml: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Set<String> alerted = new TreeSet<>();
        for (Group g : rules.groups()) {
            for (Rule r : g.rules()) {
                String id = "alert " + r.alert();
                if (r.alert() == null || r.expr() == null || r.expr().isBlank()) {
                    problems.add(id + ": no name or expression");
                    continue;
                }
                Set<String> used = metrics(r.expr());
                Set<String> unknown = new TreeSet<>(used);
                unknown.removeAll(METRICS);
                if (!unknown.isEmpty()) {
                    problems.add(id + ": unknown metrics " + unknown);
                }
                if (used.isEmpty()) {
                    problems.add(id + ": names no metric");
                }
                alerted.addAll(used);
                if (r.forDuration() != null && !r.forDuration().matches("\\d+[smhd]")) {
                    problems.add(id + ": 'for' " + r.forDuration() + " is no duration");
                }
                if (r.labels() == null || !Set.of("warning", "critical").contains(r.labels().get("severity"))) {
                    problems.add(id + ": no severity warning or critical");
                }
                if (r.annotations() == null || r.annotations().getOrDefault("summary", "").isBlank()) {
                    problems.add(id + ": no summary");
                }
            }
        }
        Set<String> missing = new TreeSet<>(ALERTED);
        missing.removeAll(alerted);
        if (!missing.isEmpty()) {
            problems.add("no alert on " + missing);
        }
        return problems;
    }

    static List<String> checkDashboard(JsonNode dash) {
        List<String> problems = new ArrayList<>();
        Set<String> shown = new TreeSet<>();
        for (JsonNode panel : dash.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Set<String> used = metrics(target.path("expr").asText());
                Set<String> unknown = new TreeSet<>(used);
                unknown.removeAll(METRICS);
                if (!unknown.isEmpty()) {
                    problems.add("panel '" + panel.path("title").asText() + "': unknown metrics " + unknown);
                }
                shown.addAll(used);
            }
        }
        Set<String> missing = new TreeSet<>(METRICS);
        missing.removeAll(shown);
        missing.remove("http_server_requests_seconds_max");
        if (!missing.isEmpty()) {
            problems.add("the dashboard shows no " + missing);
        }
        return problems;
    }

    @Test
    void theAlertsParseNameKnownMetricsAndCoverWhatTheIssueAsks() {
        assertEquals(List.of(), checkAlerts(alerts));
    }

    @Test
    void theDashboardShowsEveryMetricAndNoUnknownOne() {
        assertEquals(List.of(), checkDashboard(dashboard));
        assertTrue(dashboard.path("panels").size() >= 10);
    }

    @Test
    void metricNamesAreFoundInPromQl() {
        assertEquals(Set.of("kassa_events_dead_lettered_total"),
                metrics("sum by (consumer) (increase(kassa_events_dead_lettered_total[10m])) > 0"));
        assertEquals(Set.of("http_server_requests_seconds_count"), metrics(
                "sum by (service) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) / sum by (service) (rate(http_server_requests_seconds_count[5m])) > 0.02"));
    }

    @Test
    void aTypoInAMetricOrAMissingAlertIsReported() {
        JsonNode typo = alerts.deepCopy();
        ((ObjectNode) typo.at("/groups/0/rules/0")).put("expr", "max by (service) (kassa_outbox_age_seconds) > 60");
        assertEquals(List.of("alert KassaOutboxStale: unknown metrics [kassa_outbox_age_seconds]",
                "no alert on [kassa_outbox_oldest_age_seconds]"), checkAlerts(typo));

        JsonNode unknownField = alerts.deepCopy();
        ((ObjectNode) unknownField.at("/groups/0/rules/1")).put("fore", "5m");
        assertTrue(checkAlerts(unknownField).get(0).contains("Unrecognized field \"fore\""), checkAlerts(unknownField).toString());

        JsonNode noLabel = dashboard.deepCopy();
        ((ObjectNode) noLabel.at("/panels/7/targets/0")).put("expr", "max(kafka_consumer_fetch_manager_records_lag_maxs)");
        assertEquals(List.of("panel 'Consumer lag': unknown metrics [kafka_consumer_fetch_manager_records_lag_maxs]",
                "the dashboard shows no [kafka_consumer_fetch_manager_records_lag_max]"), checkDashboard(noLabel));
    }

    @Test
    void prometheusScrapesTheServicesAndLoadsTheRules() throws Exception {
        JsonNode prometheus = Manifests.YAML.readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        assertEquals("alerts.yml", prometheus.at("/rule_files/0").asText());
        Set<String> targets = new TreeSet<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            assertEquals("/q/metrics", job.path("metrics_path").asText(), job.toString());
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        }
        Set<String> expected = new TreeSet<>();
        Project.read(ROOT).services().values().forEach(s -> expected.add(s.app() + ":" + s.port()));
        assertEquals(expected, targets);
    }

    /** compose.yaml: the eight services with every variable their configuration reads, and the four stores. */
    @Test
    void composeSetsEveryVariableTheServicesRead() throws Exception {
        JsonNode compose = Manifests.YAML.readTree(ROOT.resolve("deploy/compose/compose.yaml").toFile());
        Project project = Project.read(ROOT);
        List<String> problems = new ArrayList<>();
        for (String store : List.of("postgres", "kafka", "redis", "mongo")) {
            if (compose.path("services").path(store).isMissingNode()) {
                problems.add("no " + store);
            }
        }
        for (Project.Service s : project.services().values()) {
            JsonNode svc = compose.path("services").path(s.app());
            if (svc.isMissingNode()) {
                problems.add(s.app() + ": missing");
                continue;
            }
            Set<String> set = new TreeSet<>();
            svc.path("environment").fieldNames().forEachRemaining(set::add);
            for (JsonNode file : svc.path("env_file")) {
                for (String line : Files.readAllLines(ROOT.resolve("deploy/compose").resolve(file.asText()))) {
                    if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                        set.add(line.substring(0, line.indexOf('=')));
                    }
                }
            }
            Set<String> missing = new TreeSet<>(s.env());
            missing.removeAll(set);
            if (!missing.isEmpty()) {
                problems.add(s.app() + ": does not set " + missing);
            }
            if (!svc.path("ports").toString().contains(s.port() + ":" + s.port())) {
                problems.add(s.app() + ": does not publish " + s.port());
            }
            boolean privateKey = svc.path("volumes").toString().contains(".data/keys:/etc/kassa/keys");
            if (privateKey != s.signsTokens()) {
                problems.add(s.app() + ": the private key is " + (privateKey ? "" : "not ") + "mounted");
            }
        }
        assertEquals(List.of(), problems);
    }
}
