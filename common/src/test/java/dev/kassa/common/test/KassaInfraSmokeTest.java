package dev.kassa.common.test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared test stack serves real PostgreSQL, Kafka, MongoDB-compatible and Redis servers, and restarts them. */
@Timeout(300)
class KassaInfraSmokeTest {

    private static Map<String, String> config;

    @BeforeAll
    static void startStack() {
        KassaInfra infra = new KassaInfra();
        infra.init(Map.of("db", "account"));
        config = infra.start();
    }

    @Test
    void oneStackPerJvmWithTheDatabaseOfTheResourceArg() {
        KassaInfra other = new KassaInfra();
        other.init(Map.of());
        Map<String, String> kassa = other.start();
        assertEquals(config.get("kassa.test.pg-port"), kassa.get("kassa.test.pg-port"));
        assertEquals(config.get("kafka.bootstrap.servers"), kassa.get("kafka.bootstrap.servers"));
        assertTrue(config.get("quarkus.datasource.reactive.url").endsWith("/account"));
        assertTrue(kassa.get("quarkus.datasource.jdbc.url").endsWith("/kassa"));
        assertEquals(kassa, KassaInfra.config());
    }

    @Test
    void postgresKeepsRowsAcrossARestart() throws Exception {
        String table = "smoke_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection db = postgres(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, name text)");
            sql.execute("INSERT INTO " + table + " VALUES (1, 'kassa')");
        }
        KassaInfra.stop(KassaInfra.Service.POSTGRES);
        assertThrows(Exception.class, () -> postgres().close());
        KassaInfra.start(KassaInfra.Service.POSTGRES);
        try (Connection db = postgres(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT name FROM " + table + " WHERE id = 1")) {
            assertTrue(row.next());
            assertEquals("kassa", row.getString(1));
        }
    }

    @Test
    void kafkaDeliversByKeyAndKeepsRecordsAcrossARestart() throws Exception {
        String bootstrap = config.get("kassa.test.kafka-bootstrap");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertEquals(3, admin.describeTopics(List.of("pos.tranlog")).allTopicNames().get()
                    .get("pos.tranlog").partitions().size());
        }
        String key = "store-" + UUID.randomUUID();
        RecordMetadata first = produce(bootstrap, key, "before restart");

        KassaInfra.stopKafka();
        assertFalse(listening(bootstrap));
        KassaInfra.startKafka();

        RecordMetadata second = produce(bootstrap, key, "after restart");
        assertEquals(first.partition(), second.partition(), "one key, one partition");
        assertEquals(List.of("before restart", "after restart"),
                consume(bootstrap, new TopicPartition("pos.tranlog", first.partition()), key, 2));
    }

    @Test
    void redisKeepsKeysAcrossARestart() throws Exception {
        URI redis = URI.create(config.get("kassa.test.redis-uri"));
        try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
            socket.setSoTimeout(5000);
            assertEquals(List.of("+PONG"), resp(socket, 1, "PING"));
            assertEquals(List.of("+OK"), resp(socket, 1, "SET", "smoke", "kassa"));
        }
        KassaInfra.stop(KassaInfra.Service.REDIS);
        assertFalse(listening(redis.getHost() + ":" + redis.getPort()));
        KassaInfra.start(KassaInfra.Service.REDIS);
        try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
            socket.setSoTimeout(5000);
            assertEquals(List.of("$5", "kassa"), resp(socket, 2, "GET", "smoke"));
        }
    }

    @Test
    void mongoKeepsDocumentsAcrossARestart() {
        String uri = config.get("quarkus.mongodb.connection-string");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> receipts = client.getDatabase("smoke").getCollection("receipts");
            receipts.insertOne(new Document("_id", "r1").append("total", 1200));
            assertEquals(1200, receipts.find(new Document("_id", "r1")).first().getInteger("total"));
        }
        KassaInfra.stop(KassaInfra.Service.MONGO);
        KassaInfra.start(KassaInfra.Service.MONGO);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> receipts = client.getDatabase("smoke").getCollection("receipts");
            assertEquals(1200, receipts.find(new Document("_id", "r1")).first().getInteger("total"));
        }
    }

    private static Connection postgres() throws Exception {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    private static RecordMetadata produce(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            return producer.send(new ProducerRecord<>("pos.tranlog", key, value)).get();
        }
    }

    private static List<String> consume(String bootstrap, TopicPartition partition, String key, int count) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.currentTimeMillis() + 60_000;
            while (values.size() < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }

    private static boolean listening(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one RESP command and returns the first {@code lines} lines of the answer. */
    private static List<String> resp(Socket socket, int lines, String... words) throws IOException {
        StringBuilder command = new StringBuilder("*" + words.length + "\r\n");
        for (String word : words) {
            command.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(word).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        List<String> answer = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int c; answer.size() < lines && (c = in.read()) != -1; ) {
            if (c == '\n') {
                answer.add(line.toString());
                line.setLength(0);
            } else if (c != '\r') {
                line.append((char) c);
            }
        }
        return answer;
    }
}
