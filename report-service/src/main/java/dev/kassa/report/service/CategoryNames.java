package dev.kassa.report.service;

import dev.kassa.common.auth.Tokens;
import dev.kassa.report.client.MasterDataClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's category names for the category and item reports, kept a few minutes. When master
 * data cannot be asked, the reports show the codes (as Kugel does); such an answer is not kept.
 */
@ApplicationScoped
public class CategoryNames {
    private static final Logger LOG = Logger.getLogger(CategoryNames.class);

    private record Cached(Map<String, String> names, Instant until) {
    }

    @Inject
    MasterDataClient masterData;

    @Inject
    Tokens tokens;

    @ConfigProperty(name = "kassa.report.category-names-ttl", defaultValue = "PT5M")
    Duration ttl;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Uni<Map<String, String>> of(String tenantId) {
        Cached cached = cache.get(tenantId);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return Uni.createFrom().item(cached.names());
        }
        String token;
        try {
            token = tokens.serviceToken("report", tenantId);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.createFrom().deferred(() -> masterData.categoryNames(tenantId, token))
                .invoke(names -> cache.put(tenantId, new Cached(Map.copyOf(names), Instant.now().plus(ttl))))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Category names of %s unavailable, the report shows codes: %s", tenantId, e.toString());
                    return Map.of();
                });
    }
}
