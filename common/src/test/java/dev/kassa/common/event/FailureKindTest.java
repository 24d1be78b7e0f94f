package dev.kassa.common.event;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import dev.kassa.common.api.ApiException;
import org.apache.kafka.common.errors.NetworkException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static dev.kassa.common.event.FailureKind.POISON;
import static dev.kassa.common.event.FailureKind.STORE_UNAVAILABLE;
import static dev.kassa.common.event.FailureKind.UNEXPECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureKindTest {

    private static MongoWriteException writeError(int code) {
        return new MongoWriteException(new WriteError(code, "refused", new BsonDocument()), new ServerAddress(),
                java.util.Set.of());
    }

    @Test
    void aStoreOrBrokerThatIsAwayIsWaitedFor() {
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new MongoTimeoutException("no server")));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new MongoSocketOpenException("refused", new ServerAddress())));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new MongoSocketReadException("closed", new ServerAddress())));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new MongoNotPrimaryException(new BsonDocument(),
                new ServerAddress())));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new CompletionException(new MongoTimeoutException("x"))));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new NetworkException("broker gone")));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new ConnectException("Connection refused")));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new TimeoutException()));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new RuntimeException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new SQLException("connection failure", "08006")));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new io.vertx.core.VertxException("Connection closed")));
        assertEquals(STORE_UNAVAILABLE, FailureKind.of(new io.vertx.core.VertxException("Pool closed")));
    }

    @Test
    void aRecordThatCanNeverApplyIsPoison() {
        assertEquals(POISON, FailureKind.of(new PoisonEventException("not JSON")));
        assertEquals(POISON, FailureKind.of(new CompletionException(new PoisonEventException("unknown tenant"))));
        assertEquals(POISON, FailureKind.of(ApiException.notFound("Tenant T1 not found")));
        // Poison anywhere in the chain wins over a passing fault around it.
        assertEquals(POISON, FailureKind.of(new NetworkException("x", new PoisonEventException("bad"))));
    }

    @Test
    void anythingElseIsUnexpected() {
        assertEquals(UNEXPECTED, FailureKind.of(writeError(11000)));
        assertEquals(UNEXPECTED, FailureKind.of(writeError(2)));
        assertEquals(UNEXPECTED, FailureKind.of(new IllegalArgumentException("bug")));
        assertEquals(UNEXPECTED, FailureKind.of(new NullPointerException()));
        assertEquals(UNEXPECTED, FailureKind.of(new SQLException("duplicate key", "23505")));
        assertEquals(UNEXPECTED, FailureKind.of(new io.vertx.core.VertxException("something odd")));
    }

    @Test
    void theReasonIsTheMessageOrTheClassAndBounded() {
        assertEquals("NullPointerException", FailureKind.reason(new NullPointerException()));
        assertEquals("unknown tenant X", FailureKind.reason(new PoisonEventException("unknown tenant X")));
        assertEquals(500, FailureKind.reason(new RuntimeException("x".repeat(10_000))).length());
    }
}
