package dev.kassa.journal.event;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.journal.domain.InvalidLogException;
import org.apache.kafka.common.errors.NetworkException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    private static MongoWriteException writeError(int code) {
        return new MongoWriteException(new WriteError(code, "refused", new BsonDocument()), new ServerAddress(),
                java.util.Set.of());
    }

    @Test
    void aStoreOrBrokerAwayIsRetried() {
        assertTrue(Failures.isTransient(new MongoTimeoutException("no server")));
        assertTrue(Failures.isTransient(new MongoSocketOpenException("refused", new ServerAddress())));
        assertTrue(Failures.isTransient(new CompletionException(new MongoTimeoutException("no server"))));
        assertTrue(Failures.isTransient(new NetworkException("broker gone")));
        assertTrue(Failures.isTransient(writeError(11000)));
    }

    @Test
    void whatNoRetryCuresIsDeadLettered() {
        assertFalse(Failures.isTransient(new PoisonEventException("not JSON")));
        assertFalse(Failures.isTransient(new InvalidLogException("bad date")));
        assertFalse(Failures.isTransient(writeError(2)));
        assertFalse(Failures.isTransient(new IllegalArgumentException("bug")));
        assertFalse(Failures.isTransient(new NullPointerException()));
        assertEquals("NullPointerException", Failures.reason(new NullPointerException()));
        assertEquals("unknown tenant X", Failures.reason(new PoisonEventException("unknown tenant X")));
    }
}
