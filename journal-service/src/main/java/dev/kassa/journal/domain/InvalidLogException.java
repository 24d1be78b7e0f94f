package dev.kassa.journal.domain;

/**
 * A log that cannot become a journal entry, whatever the retry: a poison record when it came from
 * Kafka, a 422 when it came over HTTP.
 */
public class InvalidLogException extends RuntimeException {
    public InvalidLogException(String reason) {
        super(reason, null, false, false);
    }
}
