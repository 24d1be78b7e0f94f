package dev.kassa.stack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A single-node KRaft Kafka (combined broker and controller) from the kafka_2.13 jars, in this JVM. The log
 * directory is formatted once; later starts, including a restart through the control channel, reuse it.
 */
final class KafkaServer implements Server {

    /** Topics the services use, created up front so that partitioning by key is in force from the first record. */
    static final List<String> TOPICS = List.of("pos.tranlog", "pos.cashlog", "pos.opencloselog", "pos.masterdata",
            "pos.delivery-ack.cart", "pos.delivery-ack.terminal", "pos.dlq");
    static final int PARTITIONS = 3;
    /**
     * The largest record batch the broker accepts: above the outbox relay's producer limit
     * ({@code kassa.outbox.max-record-bytes}, 8 MiB, plus 64 KiB of record overhead), so what the
     * relay sends the broker takes. Consumers fetch a batch of this size whatever their fetch sizes.
     */
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private KafkaRaftServer server;

    KafkaServer(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public int port() {
        return port;
    }

    String bootstrap() {
        return Ports.HOST + ":" + port;
    }

    @Override
    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format();
        }
        KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        started.startup();
        server = started;
        createTopics(port);
    }

    private Map<String, String> config() {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + Ports.HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + Ports.HOST + ":" + port + ",CONTROLLER://" + Ports.HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + Ports.HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", String.valueOf(PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        // Fewer internal partitions and threads: one node on two cores, where each partition costs startup time.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.threads", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    private void format() throws Exception {
        Files.createDirectories(logDir);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                // share groups stay off: the services use classic and consumer groups only
                .setFeatureLevel("share.version", (short) 0)
                .run();
    }

    /** Creates the service topics when missing; also run against a Kafka that was already listening. */
    static void createTopics(int port) throws Exception {
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Ports.HOST + ":" + port,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin client = Admin.create(admin)) {
            List<NewTopic> topics = TOPICS.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES)))).toList();
            for (var result : client.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } finally {
                server = null;
            }
        }
    }

    @Override
    public synchronized boolean running() {
        return server != null;
    }
}
