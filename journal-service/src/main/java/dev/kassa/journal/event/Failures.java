package dev.kassa.journal.event;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.journal.domain.InvalidLogException;
import org.apache.kafka.common.KafkaException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Which failures a retry may cure (a store or broker that is away) and which it never will. */
final class Failures {
    private static final int DUPLICATE_KEY = 11000;

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException || t instanceof InvalidLogException) {
                return false;
            }
            if (t instanceof MongoWriteException w) {
                // Two upserts of one key at once: the loser finds the document on its next try.
                return w.getError().getCode() == DUPLICATE_KEY;
            }
            if (t instanceof MongoException || t instanceof KafkaException || t instanceof IOException
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
