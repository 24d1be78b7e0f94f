package dev.kassa.report.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.kassa.report.domain.DailyVerification.Session;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kugel's {@code info_daily}: a terminal session once verified stays verified, so a daily report
 * checks its logs only until they are complete.
 */
@ApplicationScoped
public class DailyInfoRepository {
    public static final String COLLECTION = "info_daily";

    public Uni<Set<String>> verifiedKeys(ReactiveMongoDatabase db, Collection<Session> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> keys = sessions.stream().map(Session::key).toList();
        return db.getCollection(COLLECTION).find(Filters.and(Filters.in("_id", keys), Filters.eq("verified", true)))
                .collect().asList()
                .map(docs -> {
                    Set<String> found = new HashSet<>();
                    docs.forEach(d -> found.add(d.getString("_id")));
                    return found;
                });
    }

    public Uni<Void> markVerified(ReactiveMongoDatabase db, String tenantId, Session s) {
        Document doc = new Document("_id", s.key())
                .append("tenant_id", tenantId)
                .append("store_code", s.storeCode())
                .append("terminal_no", s.terminalNo())
                .append("business_date", s.businessDate())
                .append("open_counter", s.openCounter())
                .append("verified", true)
                .append("verified_message", "All logs are received successfully")
                .append("verified_update_time", new Date());
        return db.getCollection(COLLECTION).replaceOne(Filters.eq("_id", s.key()), doc,
                new ReplaceOptions().upsert(true)).replaceWithVoid();
    }
}
