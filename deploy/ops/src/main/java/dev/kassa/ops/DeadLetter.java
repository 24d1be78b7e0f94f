package dev.kassa.ops;

import java.util.Map;

/**
 * One record of {@code pos.dlq}: where it sits there, its original key and value, and the headers the
 * consumer that gave up wrote (consumer, kind, reason, original topic, partition and offset).
 */
public record DeadLetter(int partition, long offset, String key, String value, Map<String, String> headers) {

    public String consumer() {
        return headers.getOrDefault("dead-letter-consumer", headers.getOrDefault("dead-letter-group", "unknown"));
    }

    public String reason() {
        return headers.getOrDefault("dead-letter-reason", "");
    }

    public String kind() {
        return headers.getOrDefault("dead-letter-kind", "");
    }

    /** The topic to re-drive to: the one the record was consumed from. */
    public String originalTopic() {
        return headers.get("dead-letter-topic");
    }

    public String origin() {
        return originalTopic() + "-" + headers.getOrDefault("dead-letter-partition", "?") + "@"
                + headers.getOrDefault("dead-letter-offset", "?");
    }

    /** Where it sits in {@code pos.dlq}, the key of its re-drive marker. */
    public String id() {
        return partition + "-" + offset;
    }

    /** A consumer filter matches the whole consumer ({@code group/channel}), its group or its channel. */
    public boolean matches(String consumerFilter, String reasonFilter) {
        if (consumerFilter != null && !consumerFilter.isBlank()) {
            String c = consumer();
            boolean hit = c.equals(consumerFilter) || c.startsWith(consumerFilter + "/")
                    || c.endsWith("/" + consumerFilter)
                    || consumerFilter.equals(headers.get("dead-letter-group"));
            if (!hit) {
                return false;
            }
        }
        return reasonFilter == null || reasonFilter.isBlank()
                || reason().toLowerCase(java.util.Locale.ROOT).contains(reasonFilter.toLowerCase(java.util.Locale.ROOT));
    }
}
