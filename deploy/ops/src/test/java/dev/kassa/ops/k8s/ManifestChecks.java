package dev.kassa.ops.k8s;

import dev.kassa.ops.k8s.Manifests.KafkaTopic;
import dev.kassa.ops.k8s.Manifests.Rendered;
import dev.kassa.ops.k8s.Manifests.ScaledObject;
import dev.kassa.ops.k8s.Manifests.Trigger;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The invariants of a rendered overlay; each problem is one line naming the object and what is wrong. */
final class ManifestChecks {
    /** Secrets created outside the repository (k8s/README.md, "Secrets"), with the keys the manifests use. */
    static final Map<String, Set<String>> EXTERNAL_SECRETS = Map.of(
            "kassa-postgres", Set.of("username", "password"),
            "kassa-jwt-public", Set.of("public.pem"),
            "kassa-jwt-signing", Set.of("private.pem"));
    static final String KEYS_DIR = "/etc/kassa/keys";
    /** Seconds the pods get to drain: preStop, in-flight requests, consumers committing. */
    static final int MIN_GRACE_SECONDS = 30;
    /** The largest record the outbox sends: kassa.outbox.max-record-bytes (8 MiB) plus 64 KiB of headroom. */
    static final long MIN_MESSAGE_BYTES = 8L * 1024 * 1024 + 64 * 1024;
    static final Set<String> KAFKA_TRIGGER_KEYS = Set.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold",
            "offsetResetPolicy", "activationLagThreshold", "allowIdleConsumers");

    private final Project project;
    private final Rendered r;
    private final List<String> problems = new ArrayList<>();

    private ManifestChecks(Project project, Rendered r) {
        this.project = project;
        this.r = r;
    }

    static List<String> check(Project project, Rendered rendered) {
        ManifestChecks c = new ManifestChecks(project, rendered);
        c.problems.addAll(rendered.problems());
        for (Project.Service service : project.services().values()) {
            Optional<Deployment> d = rendered.deployments().stream().filter(x -> name(x).equals(service.app())).findFirst();
            if (d.isEmpty()) {
                c.problems.add("Deployment/" + service.app() + ": missing");
                continue;
            }
            c.deployment(service, d.get());
            c.service(service, d.get());
            c.budget(service, d.get());
            c.scaling(service, d.get());
            c.environment(service, d.get());
            c.keys(service, d.get());
        }
        c.topics();
        return c.problems;
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata o) {
        return o.getMetadata().getName();
    }

    private void problem(String id, String text) {
        problems.add(id + ": " + text);
    }

    private void deployment(Project.Service s, Deployment d) {
        String id = "Deployment/" + s.app();
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = Objects.requireNonNullElse(d.getSpec().getTemplate().getMetadata().getLabels(), Map.of());
        if (!selects(d.getSpec().getSelector().getMatchLabels(), podLabels)) {
            problem(id, "its selector does not select its own pods");
        }
        if (pod.getContainers().size() != 1) {
            problem(id, "expected one container, found " + pod.getContainers().size());
            return;
        }
        Container c = pod.getContainers().get(0);
        boolean listens = c.getPorts() != null && c.getPorts().stream().anyMatch(p -> p.getContainerPort() == s.port()
                && "http".equals(p.getName()));
        if (!listens) {
            problem(id, "no container port 'http' " + s.port() + " (quarkus.http.port)");
        }
        probe(id, "liveness", c.getLivenessProbe(), "/q/health/live", s);
        probe(id, "readiness", c.getReadinessProbe(), "/q/health/ready", s);
        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> values = c.getResources() == null ? null
                    : kind.equals("requests") ? c.getResources().getRequests() : c.getResources().getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (values == null || values.get(resource) == null) {
                    problem(id, "no " + resource + " " + kind);
                }
            }
        }
        PodSecurityContext podSecurity = pod.getSecurityContext();
        SecurityContext security = c.getSecurityContext();
        boolean nonRoot = (podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()))
                || (security != null && Boolean.TRUE.equals(security.getRunAsNonRoot()));
        Long user = security != null && security.getRunAsUser() != null ? security.getRunAsUser()
                : podSecurity == null ? null : podSecurity.getRunAsUser();
        if (!nonRoot || user == null || user == 0) {
            problem(id, "does not run as a non-root user (runAsNonRoot and a non-zero runAsUser)");
        }
        if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problem(id, "the root filesystem is writable (readOnlyRootFilesystem)");
        }
        if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            problem(id, "allowPrivilegeEscalation is not false");
        }
        Set<String> emptyDirs = new HashSet<>();
        for (Volume v : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
            if (v.getEmptyDir() != null) {
                emptyDirs.add(v.getName());
            }
        }
        boolean tmp = c.getVolumeMounts() != null && c.getVolumeMounts().stream()
                .anyMatch(m -> "/tmp".equals(m.getMountPath()) && emptyDirs.contains(m.getName()));
        if (!tmp) {
            problem(id, "no emptyDir at /tmp for the read-only root filesystem");
        }
        Long grace = pod.getTerminationGracePeriodSeconds();
        long preStop = c.getLifecycle() != null && c.getLifecycle().getPreStop() != null
                && c.getLifecycle().getPreStop().getSleep() != null ? c.getLifecycle().getPreStop().getSleep().getSeconds() : 0;
        if (grace == null || grace < MIN_GRACE_SECONDS + preStop) {
            problem(id, "terminationGracePeriodSeconds " + grace + " leaves less than " + MIN_GRACE_SECONDS
                    + " s to drain after the preStop pause of " + preStop + " s");
        }
        List<TopologySpreadConstraint> spread = Objects.requireNonNullElse(pod.getTopologySpreadConstraints(), List.of());
        if (spread.isEmpty() || spread.stream().anyMatch(t -> t.getLabelSelector() == null
                || !selects(t.getLabelSelector().getMatchLabels(), podLabels))) {
            problem(id, "no topologySpreadConstraints over its own pods");
        }
        if (c.getImage() == null || !c.getImage().contains("kassa/" + s.app() + ":")) {
            problem(id, "image " + c.getImage() + " is not kassa/" + s.app() + " at a tag");
        }
    }

    private void probe(String id, String kind, Probe probe, String path, Project.Service s) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null || !path.equals(get.getPath())) {
            problem(id, kind + " probe is not GET " + path);
            return;
        }
        var port = get.getPort();
        if (!("http".equals(port.getStrVal()) || Integer.valueOf(s.port()).equals(port.getIntVal()))) {
            problem(id, kind + " probe does not ask the service's port");
        }
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private Map<String, String> podLabels(Deployment d) {
        return Objects.requireNonNullElse(d.getSpec().getTemplate().getMetadata().getLabels(), Map.of());
    }

    private void service(Project.Service s, Deployment d) {
        var svc = r.services().stream().filter(x -> name(x).equals(s.app())).findFirst();
        if (svc.isEmpty()) {
            problem("Service/" + s.app(), "missing");
            return;
        }
        if (!selects(svc.get().getSpec().getSelector(), podLabels(d))) {
            problem("Service/" + s.app(), "does not select the pods of its Deployment");
        }
        boolean port = svc.get().getSpec().getPorts().stream().anyMatch(p -> p.getPort() == s.port()
                && ("http".equals(p.getTargetPort().getStrVal()) || Integer.valueOf(s.port()).equals(p.getTargetPort().getIntVal())));
        if (!port) {
            problem("Service/" + s.app(), "does not forward port " + s.port() + " to the container");
        }
    }

    private void budget(Project.Service s, Deployment d) {
        List<PodDisruptionBudget> budgets = r.budgets().stream()
                .filter(b -> b.getSpec().getSelector() != null && selects(b.getSpec().getSelector().getMatchLabels(), podLabels(d)))
                .toList();
        if (budgets.isEmpty()) {
            problem("Deployment/" + s.app(), "no PodDisruptionBudget selects its pods");
        }
    }

    private void scaling(Project.Service s, Deployment d) {
        List<HorizontalPodAutoscaler> hpas = r.autoscalers().stream()
                .filter(h -> s.app().equals(h.getSpec().getScaleTargetRef().getName())).toList();
        List<ScaledObject> scaled = r.scaledObjects().stream()
                .filter(o -> o.spec() != null && o.spec().scaleTargetRef() != null
                        && s.app().equals(o.spec().scaleTargetRef().name())).toList();
        String id = "Deployment/" + s.app();
        boolean consumer = ScalingPolicy.SCALES_ON_LAG.contains(s.name());
        if (hpas.size() + scaled.size() != 1) {
            problem(id, "expected exactly one autoscaler, found " + hpas.size() + " HPA and " + scaled.size() + " ScaledObject");
            return;
        }
        if (consumer && scaled.isEmpty()) {
            problem(id, "scales on CPU alone; a consumer scales on its Kafka lag (KEDA ScaledObject)");
            return;
        }
        if (!consumer && hpas.isEmpty()) {
            problem(id, "an HTTP service scales with an HPA on CPU");
            return;
        }
        if (!hpas.isEmpty()) {
            HorizontalPodAutoscaler h = hpas.get(0);
            boolean cpu = h.getSpec().getMetrics() != null && h.getSpec().getMetrics().stream()
                    .map(MetricSpec::getResource).anyMatch(m -> m != null && "cpu".equals(m.getName()));
            if (!cpu) {
                problem("HorizontalPodAutoscaler/" + name(h), "does not scale on CPU");
            }
            if (!"Deployment".equals(h.getSpec().getScaleTargetRef().getKind())) {
                problem("HorizontalPodAutoscaler/" + name(h), "does not target a Deployment");
            }
            return;
        }
        scaledObject(s, scaled.get(0));
    }

    private void scaledObject(Project.Service s, ScaledObject o) {
        String id = "ScaledObject/" + o.metadata().name();
        String bootstrap = configValue("kassa-common", "KASSA_KAFKA_BOOTSTRAP");
        Set<Project.Consumer> triggers = new TreeSet<>((a, b) -> (a.topic() + a.group()).compareTo(b.topic() + b.group()));
        Map<String, Integer> partitions = new HashMap<>();
        for (KafkaTopic t : r.topics()) {
            partitions.put(t.spec().topicName(), t.spec().partitions());
        }
        for (Trigger t : o.spec().triggers()) {
            if ("kafka".equals(t.type())) {
                Map<String, String> m = t.metadata();
                Set<String> unknown = new TreeSet<>(m.keySet());
                unknown.removeAll(KAFKA_TRIGGER_KEYS);
                if (!unknown.isEmpty()) {
                    problem(id, "unknown kafka trigger fields " + unknown);
                }
                triggers.add(new Project.Consumer(m.get("topic"), m.get("consumerGroup")));
                if (!Objects.equals(bootstrap, m.get("bootstrapServers"))) {
                    problem(id, "bootstrapServers " + m.get("bootstrapServers") + " is not KASSA_KAFKA_BOOTSTRAP " + bootstrap);
                }
                Integer p = partitions.get(m.get("topic"));
                if (p != null && o.spec().maxReplicaCount() != null && o.spec().maxReplicaCount() > p) {
                    problem(id, "maxReplicaCount " + o.spec().maxReplicaCount() + " exceeds the " + p
                            + " partitions of " + m.get("topic"));
                }
            } else if (!"cpu".equals(t.type()) && !"memory".equals(t.type())) {
                problem(id, "unexpected trigger type " + t.type());
            }
        }
        if (!triggers.equals(s.consumers())) {
            problem(id, "its Kafka triggers " + describe(triggers) + " are not the consumers of " + s.app()
                    + "'s application.properties " + describe(s.consumers()));
        }
        if (o.spec().minReplicaCount() == null || o.spec().minReplicaCount() < 1) {
            problem(id, "minReplicaCount below 1 (the consumers would stop)");
        }
    }

    private static String describe(Set<Project.Consumer> consumers) {
        return consumers.stream().map(c -> c.topic() + "@" + c.group()).sorted().toList().toString();
    }

    private String configValue(String configMap, String key) {
        return r.configMaps().stream().filter(c -> name(c).equals(configMap)).findFirst()
                .map(c -> c.getData() == null ? null : c.getData().get(key)).orElse(null);
    }

    /** Every variable the service's configuration reads is set: env, or a key of a ConfigMap or Secret in envFrom. */
    private void environment(Project.Service s, Deployment d) {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> set = new TreeSet<>();
        for (EnvVar e : Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of())) {
            set.add(e.getName());
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                if (!secretKeys(ref.getName()).contains(ref.getKey())) {
                    problem("Deployment/" + s.app(), e.getName() + " reads key " + ref.getKey() + " of Secret "
                            + ref.getName() + ", which has no such key");
                }
            }
            if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                if (configValue(ref.getName(), ref.getKey()) == null) {
                    problem("Deployment/" + s.app(), e.getName() + " reads a missing key " + ref.getKey() + " of ConfigMap " + ref.getName());
                }
            }
        }
        for (EnvFromSource from : Objects.requireNonNullElse(c.getEnvFrom(), List.<EnvFromSource>of())) {
            if (from.getConfigMapRef() != null) {
                var cm = r.configMaps().stream().filter(x -> name(x).equals(from.getConfigMapRef().getName())).findFirst();
                if (cm.isEmpty()) {
                    problem("Deployment/" + s.app(), "envFrom names a missing ConfigMap " + from.getConfigMapRef().getName());
                } else if (cm.get().getData() != null) {
                    set.addAll(cm.get().getData().keySet());
                }
            }
            if (from.getSecretRef() != null) {
                set.addAll(secretKeys(from.getSecretRef().getName()));
            }
        }
        Set<String> missing = new TreeSet<>(s.env());
        missing.removeAll(set);
        if (!missing.isEmpty()) {
            problem("Deployment/" + s.app(), "does not set " + missing + ", which its configuration reads");
        }
    }

    private Set<String> secretKeys(String name) {
        Optional<Secret> rendered = r.secrets().stream().filter(x -> name(x).equals(name)).findFirst();
        if (rendered.isPresent()) {
            Set<String> keys = new TreeSet<>();
            if (rendered.get().getData() != null) {
                keys.addAll(rendered.get().getData().keySet());
            }
            if (rendered.get().getStringData() != null) {
                keys.addAll(rendered.get().getStringData().keySet());
            }
            return keys;
        }
        return EXTERNAL_SECRETS.getOrDefault(name, Set.of());
    }

    /** The public key everywhere, the private key only where tokens are signed, both where KASSA_KEYS_DIR points. */
    private void keys(Project.Service s, Deployment d) {
        String id = "Deployment/" + s.app();
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        Set<String> keys = new TreeSet<>();
        for (VolumeMount m : Objects.requireNonNullElse(c.getVolumeMounts(), List.<VolumeMount>of())) {
            if (!KEYS_DIR.equals(m.getMountPath())) {
                for (Volume v : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
                    if (v.getName().equals(m.getName()) && (v.getSecret() != null || v.getProjected() != null)) {
                        problem(id, "mounts secrets at " + m.getMountPath() + ", not at " + KEYS_DIR);
                    }
                }
                continue;
            }
            for (Volume v : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
                if (!v.getName().equals(m.getName())) {
                    continue;
                }
                if (v.getSecret() != null) {
                    keys.addAll(secretFiles(v.getSecret().getSecretName(), v.getSecret().getItems()));
                }
                if (v.getProjected() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getSecret() != null) {
                            keys.addAll(secretFiles(p.getSecret().getName(), p.getSecret().getItems()));
                        }
                    }
                }
            }
        }
        if (!keys.contains("public.pem")) {
            problem(id, "has no public.pem in " + KEYS_DIR + ": it would trust no other service's tokens");
        }
        if (s.signsTokens() && !keys.contains("private.pem")) {
            problem(id, "signs tokens but has no private.pem in " + KEYS_DIR);
        }
        if (!s.signsTokens() && keys.contains("private.pem")) {
            problem(id, "signs no tokens but has the private key mounted");
        }
        if (!KEYS_DIR.equals(configValue("kassa-common", "KASSA_KEYS_DIR"))) {
            problem("ConfigMap/kassa-common", "KASSA_KEYS_DIR is not " + KEYS_DIR);
        }
    }

    private Set<String> secretFiles(String secret, List<io.fabric8.kubernetes.api.model.KeyToPath> items) {
        Set<String> files = new TreeSet<>();
        if (items == null || items.isEmpty()) {
            files.addAll(secretKeys(secret));
        } else {
            items.forEach(i -> files.add(i.getPath()));
        }
        return files;
    }

    private void topics() {
        Set<String> declared = new TreeSet<>();
        for (KafkaTopic t : r.topics()) {
            declared.add(t.spec().topicName());
            if (t.spec().partitions() == null || t.spec().partitions() < 1) {
                problem("KafkaTopic/" + t.metadata().name(), "no partitions");
            }
            String maxBytes = t.spec().config() == null ? null : t.spec().config().get("max.message.bytes");
            if (maxBytes == null || Long.parseLong(maxBytes) < MIN_MESSAGE_BYTES) {
                problem("KafkaTopic/" + t.metadata().name(), "max.message.bytes " + maxBytes + " is below the outbox's "
                        + MIN_MESSAGE_BYTES + " (kassa.outbox.max-record-bytes and headroom)");
            }
            if (t.metadata().labels() == null || !t.metadata().labels().containsKey("strimzi.io/cluster")) {
                problem("KafkaTopic/" + t.metadata().name(), "no strimzi.io/cluster label");
            }
        }
        Set<String> missing = new TreeSet<>(project.topics());
        project.services().values().forEach(s -> s.consumers().forEach(c -> missing.add(c.topic())));
        missing.removeAll(declared);
        if (!missing.isEmpty()) {
            problems.add("KafkaTopic: " + missing + " not declared");
        }
    }

    /** Which services scale on consumer lag rather than on CPU. */
    static final class ScalingPolicy {
        static final Set<String> SCALES_ON_LAG = Set.of("journal", "report", "stock", "recommendation");

        private ScalingPolicy() {
        }
    }
}
