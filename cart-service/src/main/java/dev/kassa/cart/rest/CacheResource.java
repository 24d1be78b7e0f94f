package dev.kassa.cart.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal-state cache of API-key callers (Redis, shared with common's API-key verifier).
 * A user of the tenant may look at it and clear it, for one terminal ({@code terminal_id}) or
 * for all the tenant's terminals.
 */
@Path("/api/v1/cache/terminal")
public class CacheResource {

    @Inject
    CallerContext callers;
    @Inject
    ReactiveRedisDataSource redis;

    private Caller user() {
        Caller caller = callers.caller();
        if (!caller.isUser()) {
            throw ApiException.forbidden("Only a user token may manage the terminal cache");
        }
        return caller;
    }

    private Uni<List<String>> keys(Caller caller, String terminalId) {
        if (terminalId != null) {
            callers.forTerminal(terminalId);
            return Uni.createFrom().item(List.of(ApiKeys.cacheKey(terminalId)));
        }
        String pattern = ApiKeys.cacheKey(caller.tenantId() + "-*");
        Multi<String> scan = redis.key(String.class).scan(new KeyScanArgs().match(pattern).count(500)).toMulti();
        return scan.collect().asList();
    }

    public record CacheStatus(String tenantId, long cachedTerminals, int ttlSeconds) {
    }

    public record CacheCleared(long cleared) {
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @GET
    @Path("/status")
    public Uni<ApiResponse<CacheStatus>> status(@QueryParam("terminal_id") String terminalId) {
        Caller caller = user();
        return keys(caller, terminalId).flatMap(keys -> (keys.isEmpty() || terminalId == null
                        ? Uni.createFrom().item(keys.size())
                        : redis.key(String.class).exists(keys.toArray(String[]::new)))
                .map(n -> ApiResponse.ok(new CacheStatus(caller.tenantId(), n.longValue(), 300),
                        "Terminal cache status", "get_cache_status")));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    public Uni<ApiResponse<CacheCleared>> clear(@QueryParam("terminal_id") String terminalId) {
        Caller caller = user();
        return keys(caller, terminalId).flatMap(keys -> (keys.isEmpty() ? Uni.createFrom().item(0)
                        : redis.key(String.class).del(keys.toArray(String[]::new)))
                .map(n -> ApiResponse.ok(new CacheCleared(n.longValue()), "Terminal cache cleared",
                        "clear_cache")));
    }
}
