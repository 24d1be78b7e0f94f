package dev.kassa.common.client;

import jakarta.ws.rs.WebApplicationException;

import java.util.Set;

/**
 * Which failed calls count toward a breaker. A breaker protects every caller from a downstream that
 * is down or drowning, so it may only count failures that say so: no answer at all (refused
 * connection, reset, timeout) or a gateway's 502/503/504. An answer about one request (any 4xx, a
 * 500 that one odd input provoked) says the downstream is alive; counting it would let a single
 * tenant's bad input open the breaker for everyone. Clients turn such answers into an
 * {@code ApiException} and list that in their breaker's {@code skipOn} and retry's {@code abortOn}.
 */
public final class Outages {
    private static final Set<Integer> GATEWAY = Set.of(502, 503, 504);

    private Outages() {
    }

    /** The HTTP status of a failed REST call, or -1 when there was no answer. */
    public static int status(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null ? w.getResponse().getStatus() : -1;
    }

    /** True when the call got no answer or a gateway's outage status: the downstream's fault, for every caller. */
    public static boolean isOutage(Throwable t) {
        int status = status(t);
        return status < 0 || GATEWAY.contains(status);
    }

    /** True when the downstream answered this one request with a failure: not a sign of an outage. */
    public static boolean isAnswer(Throwable t) {
        return !isOutage(t);
    }
}
