package dev.kassa.ops.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static dev.kassa.ops.k8s.Manifests.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders every overlay of k8s/ with {@code kubectl kustomize}, reads each object strictly and checks the
 * invariants against the source tree (ManifestChecks); then breaks one thing at a time in the rendered prod
 * overlay and sees the check that guards it complain.
 */
class ManifestTest {
    static final Path ROOT = Path.of(System.getProperty("kassa.root", "../.."));
    static Project project;
    static List<JsonNode> prod;

    @BeforeAll
    static void render() throws Exception {
        project = Project.read(ROOT);
        prod = Manifests.render(ROOT.resolve("k8s/overlays/prod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyOverlayHoldsTheInvariants(String dir) throws Exception {
        List<JsonNode> docs = Manifests.render(ROOT.resolve("k8s").resolve(dir));
        Manifests.Rendered rendered = Manifests.read(docs);
        assertEquals(List.of(), ManifestChecks.check(project, rendered));
        assertEquals(8, rendered.deployments().size());
        assertEquals(project.topics().size(), rendered.topics().size());
    }

    @Test
    void theSourceTreeIsReadAsExpected() {
        // a sanity check of what the checks compare with, so a parsing slip cannot make them vacuous
        assertEquals(8003, project.services().get("cart").port());
        assertTrue(project.services().get("cart").env().containsAll(List.of("KASSA_PG_URL", "KASSA_MASTERDATA_HOST",
                "KASSA_KEYS_DIR", "KASSA_TERMINAL_URL")), project.services().get("cart").env().toString());
        assertEquals(3, project.services().get("journal").consumers().size());
        assertTrue(project.services().get("journal").consumers().contains(new Project.Consumer("pos.cashlog", "journal-service")));
        assertTrue(project.services().get("account").signsTokens());
        assertTrue(project.services().get("report").signsTokens(), "report signs service tokens for journal and masterdata");
        assertTrue(!project.services().get("cart").signsTokens());
        assertTrue(project.topics().contains("pos.delivery-ack.terminal"), project.topics().toString());
    }

    /** Breaks the rendered prod overlay with {@code change} and returns what the checks say. */
    private static List<String> broken(Consumer<List<JsonNode>> change) {
        List<JsonNode> docs = Manifests.copy(prod);
        change.accept(docs);
        return ManifestChecks.check(project, Manifests.read(docs));
    }

    private static ObjectNode container(List<JsonNode> docs, String app) {
        return (ObjectNode) find(docs, "Deployment", app).at("/spec/template/spec/containers/0");
    }

    private static void assertReports(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem containing '" + expected
                + "', got " + problems);
    }

    @Test
    void aFieldTheModelDoesNotKnowIsReported() {
        assertReports(broken(d -> container(d, "cart-service").set("livenesProbe", container(d, "cart-service").get("livenessProbe"))),
                "Deployment/cart-service.spec.template.spec.containers[0]: unknown fields [livenesProbe]");
        assertReports(broken(d -> ((ObjectNode) find(d, "ScaledObject", "stock-service").get("spec")).put("maxReplicas", 3)),
                "ScaledObject/stock-service: Unrecognized field \"maxReplicas\"");
        assertReports(broken(d -> ((ObjectNode) find(d, "ScaledObject", "stock-service").at("/spec/triggers/0/metadata"))
                .put("consumerGrp", "x")), "unknown kafka trigger fields [consumerGrp]");
        assertReports(broken(d -> ((ObjectNode) d.get(0)).put("kind", "Pod")), "unexpected kind v1 Pod");
    }

    @Test
    void probesOnOtherPathsAreReported() {
        assertReports(broken(d -> ((ObjectNode) container(d, "report-service").at("/readinessProbe/httpGet")).put("path", "/health")),
                "Deployment/report-service: readiness probe is not GET /q/health/ready");
        assertReports(broken(d -> container(d, "stock-service").remove("livenessProbe")),
                "Deployment/stock-service: liveness probe is not GET /q/health/live");
    }

    @Test
    void missingLimitsRootAWritableRootAndAShortGraceAreReported() {
        assertReports(broken(d -> ((ObjectNode) container(d, "cart-service").get("resources")).remove("limits")),
                "Deployment/cart-service: no cpu limits");
        assertReports(broken(d -> ((ObjectNode) find(d, "Deployment", "cart-service").at("/spec/template/spec/securityContext"))
                .put("runAsNonRoot", false)), "Deployment/cart-service: does not run as a non-root user");
        assertReports(broken(d -> ((ObjectNode) container(d, "cart-service").get("securityContext")).put("readOnlyRootFilesystem", false)),
                "Deployment/cart-service: the root filesystem is writable");
        assertReports(broken(d -> ((ObjectNode) container(d, "cart-service").at("/volumeMounts/0")).put("mountPath", "/scratch")),
                "Deployment/cart-service: no emptyDir at /tmp");
        assertReports(broken(d -> ((ObjectNode) find(d, "Deployment", "journal-service").at("/spec/template/spec"))
                .put("terminationGracePeriodSeconds", 10)), "Deployment/journal-service: terminationGracePeriodSeconds 10");
        assertReports(broken(d -> ((ObjectNode) find(d, "Deployment", "journal-service").at("/spec/template/spec"))
                .remove("topologySpreadConstraints")), "Deployment/journal-service: no topologySpreadConstraints");
    }

    @Test
    void aMissingServiceBudgetOrAutoscalerIsReported() {
        assertReports(broken(d -> d.remove(find(d, "PodDisruptionBudget", "masterdata-service"))),
                "Deployment/masterdata-service: no PodDisruptionBudget selects its pods");
        assertReports(broken(d -> d.remove(find(d, "Service", "terminal-service"))), "Service/terminal-service: missing");
        assertReports(broken(d -> d.remove(find(d, "HorizontalPodAutoscaler", "account-service"))),
                "Deployment/account-service: expected exactly one autoscaler, found 0 HPA and 0 ScaledObject");
        assertReports(broken(d -> {
            ObjectNode hpa = find(d, "HorizontalPodAutoscaler", "account-service");
            ((ObjectNode) hpa.at("/spec/scaleTargetRef")).put("name", "journal-service");
        }), "Deployment/journal-service: expected exactly one autoscaler, found 1 HPA and 1 ScaledObject");
    }

    @Test
    void aScaledObjectThatDoesNotMatchTheConsumersIsReported() {
        assertReports(broken(d -> ((ObjectNode) find(d, "ScaledObject", "stock-service").at("/spec/triggers/0/metadata"))
                .put("consumerGroup", "stock")), "ScaledObject/stock-service: its Kafka triggers [pos.tranlog@stock]"
                + " are not the consumers of stock-service's application.properties [pos.tranlog@stock-service]");
        assertReports(broken(d -> ((ArrayNode) find(d, "ScaledObject", "report-service").at("/spec/triggers")).remove(1)),
                "ScaledObject/report-service: its Kafka triggers");
        assertReports(broken(d -> ((ObjectNode) find(d, "ScaledObject", "journal-service").get("spec")).put("maxReplicaCount", 20)),
                "ScaledObject/journal-service: maxReplicaCount 20 exceeds the 12 partitions of pos.tranlog");
        assertReports(broken(d -> ((ObjectNode) find(d, "ScaledObject", "journal-service").at("/spec/triggers/0/metadata"))
                .put("bootstrapServers", "kafka:9092")), "bootstrapServers kafka:9092 is not KASSA_KAFKA_BOOTSTRAP");
        assertReports(broken(d -> d.remove(find(d, "KafkaTopic", "pos.delivery-ack.cart"))),
                "KafkaTopic: [pos.delivery-ack.cart] not declared");
        assertReports(broken(d -> ((ObjectNode) find(d, "KafkaTopic", "pos.tranlog").at("/spec/config")).remove("max.message.bytes")),
                "KafkaTopic/pos.tranlog: max.message.bytes null is below the outbox's");
    }

    @Test
    void anUnsetVariableIsReported() {
        assertReports(broken(d -> ((ObjectNode) find(d, "ConfigMap", "kassa-common").get("data")).remove("KASSA_REDIS_URI")),
                "Deployment/account-service: does not set [KASSA_REDIS_URI]");
        assertReports(broken(d -> ((ObjectNode) find(d, "ConfigMap", "stock-service").get("data")).remove("KASSA_STOCK_ALERT_COOLDOWN")),
                "Deployment/stock-service: does not set [KASSA_STOCK_ALERT_COOLDOWN]");
        assertReports(broken(d -> ((ArrayNode) container(d, "cart-service").get("env")).remove(1)),
                "Deployment/cart-service: does not set [KASSA_PG_PASSWORD]");
        assertReports(broken(d -> ((ObjectNode) container(d, "cart-service").at("/env/0/valueFrom/secretKeyRef")).put("key", "user")),
                "KASSA_PG_USER reads key user of Secret kassa-postgres, which has no such key");
    }

    @Test
    void thePrivateKeyOutsideTheSigningServicesIsReported() {
        assertReports(broken(d -> {
            ObjectNode keys = (ObjectNode) find(d, "Deployment", "cart-service").at("/spec/template/spec/volumes/1");
            keys.set("projected", find(d, "Deployment", "account-service").at("/spec/template/spec/volumes/1/projected").deepCopy());
            keys.remove("secret");
        }), "Deployment/cart-service: signs no tokens but has the private key mounted");
        assertReports(broken(d -> {
            ObjectNode keys = (ObjectNode) find(d, "Deployment", "report-service").at("/spec/template/spec/volumes/1");
            keys.set("secret", find(d, "Deployment", "cart-service").at("/spec/template/spec/volumes/1/secret").deepCopy());
            keys.remove("projected");
        }), "Deployment/report-service: signs tokens but has no private.pem");
    }
}
