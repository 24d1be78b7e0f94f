package dev.kassa.ops.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the source tree says the manifests must match, read at test time so a new environment variable,
 * topic or consumer group is caught: each service's port, the variables its configuration reads, the
 * (topic, consumer group) pairs of its Kafka consumers, whether it signs tokens; and the topics of
 * common's Topics.java.
 */
record Project(Map<String, Service> services, Set<String> topics) {
    static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    static final Pattern TOPIC = Pattern.compile("=\\s*\"(pos\\.[a-z0-9.-]+)\"");
    static final Pattern SIGNS = Pattern.compile("tokens\\.(sign|serviceToken)\\(");
    static final String[] NAMES = {"account", "terminal", "masterdata", "cart", "report", "journal", "stock", "recommendation"};

    record Consumer(String topic, String group) {
    }

    record Service(String name, int port, Set<String> env, Set<Consumer> consumers, boolean signsTokens) {
        String app() {
            return name + "-service";
        }
    }

    static Project read(Path root) {
        try {
            Set<String> commonEnv = envVars(Files.readString(
                    root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
            Map<String, Service> services = new LinkedHashMap<>();
            for (String name : NAMES) {
                Path module = root.resolve(name + "-service");
                Path file = module.resolve("src/main/resources/application.properties");
                String text = Files.readString(file);
                Properties props = new Properties();
                try (var in = Files.newBufferedReader(file)) {
                    props.load(in);
                }
                Set<String> env = new TreeSet<>(commonEnv);
                env.addAll(envVars(text));
                Set<Consumer> consumers = new TreeSet<>((a, b) -> (a.topic + a.group).compareTo(b.topic + b.group));
                for (String key : props.stringPropertyNames()) {
                    Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topics?").matcher(key);
                    if (m.matches()) {
                        String group = props.getProperty("mp.messaging.incoming." + m.group(1) + ".group.id");
                        for (String topic : props.getProperty(key).split(",")) {
                            consumers.add(new Consumer(topic.trim(), group));
                        }
                    }
                }
                boolean signs;
                try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                    signs = sources.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> {
                        try {
                            return SIGNS.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
                services.put(name, new Service(name, Integer.parseInt(props.getProperty("quarkus.http.port")), env,
                        consumers, signs));
            }
            Set<String> topics = new TreeSet<>();
            Matcher m = TOPIC.matcher(Files.readString(root.resolve("common/src/main/java/dev/kassa/common/event/Topics.java")));
            while (m.find()) {
                topics.add(m.group(1));
            }
            return new Project(services, topics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> envVars(String text) {
        Set<String> vars = new TreeSet<>();
        Matcher m = ENV.matcher(text);
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }
}
