package dev.kassa.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumer lag of every consumer group after the load stopped (Kafka AdminClient): the sum over the group's
 * partitions of end offset minus committed offset, polled until each group reaches 0 or the limit passes.
 * Services commit on a schedule (SmallRye's throttled strategy), so a group's lag shows 0 only after its next
 * commit: the time includes that delay.
 */
final class ConsumerLag implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(250);

    /** One group's course after the load stopped; {@code zeroAfter} is null when its lag never reached 0. */
    record GroupLag(String group, long atStop, long last, Duration zeroAfter) {
    }

    /** Records, per group, the lag first seen and when it first reached 0. Pure: the caller supplies the samples. */
    static final class Tracker {
        private final Map<String, Long> atStop = new TreeMap<>();
        private final Map<String, Long> last = new HashMap<>();
        private final Map<String, Duration> zeroAfter = new HashMap<>();

        void sample(Map<String, Long> lagByGroup, Duration sinceStop) {
            lagByGroup.forEach((group, lag) -> {
                atStop.putIfAbsent(group, lag);
                last.put(group, lag);
                if (lag <= 0) {
                    zeroAfter.putIfAbsent(group, sinceStop);
                }
            });
        }

        boolean allZero() {
            return !atStop.isEmpty() && atStop.keySet().stream().allMatch(zeroAfter::containsKey);
        }

        List<GroupLag> result() {
            return atStop.keySet().stream()
                    .map(g -> new GroupLag(g, atStop.get(g), last.get(g), zeroAfter.get(g))).toList();
        }
    }

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "kassa-bench-lag");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        admin = Admin.create(p);
    }

    /** Polls every group's lag from now until all are 0 or {@code limit} passed. */
    List<GroupLag> untilZero(Duration limit) throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        Tracker tracker = new Tracker();
        while (true) {
            Map<String, Long> lag = lagByGroup();
            Duration since = Duration.ofNanos(System.nanoTime() - start);
            tracker.sample(lag, since);
            if (tracker.allZero() || lag.isEmpty() || since.compareTo(limit) >= 0) {
                return tracker.result();
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    /** Every consumer group's total lag now. */
    Map<String, Long> lagByGroup() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS)
                .stream().map(GroupListing::groupId).sorted().toList();
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                admin.listConsumerGroupOffsets(specs).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        committed.values().forEach(m -> m.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                wanted.isEmpty() ? Map.of() : admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lag = new TreeMap<>();
        for (String g : groups) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.getOrDefault(g, Map.of()).forEach((tp, om) -> {
                if (om != null) {
                    offsets.put(tp, om.offset());
                }
            });
            Map<TopicPartition, Long> endOffsets = new HashMap<>();
            offsets.keySet().forEach(tp -> {
                ListOffsetsResult.ListOffsetsResultInfo info = ends.get(tp);
                if (info != null) {
                    endOffsets.put(tp, info.offset());
                }
            });
            lag.put(g, lag(offsets, endOffsets));
        }
        return lag;
    }

    /** Sum of end minus committed over the partitions with both (never negative per partition). */
    static long lag(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> e : committed.entrySet()) {
            Long end = ends.get(e.getKey());
            if (end != null) {
                sum += Math.max(0, end - e.getValue());
            }
        }
        return sum;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
