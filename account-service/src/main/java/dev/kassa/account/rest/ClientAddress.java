package dev.kassa.account.rest;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address a request came from, for throttling. It is the peer's address unless the service
 * is configured to trust a proxy ({@code KASSA_TRUST_PROXY=true}); then Quarkus takes it from
 * {@code X-Forwarded-For}/{@code Forwarded}. Trust a proxy only when nothing else can reach the
 * service, or anyone could pick the address their guesses count against.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        var address = request.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        String host = address.hostAddress();
        return host == null ? address.host() : host;
    }
}
