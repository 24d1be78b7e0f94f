package dev.kassa.account.rest;

import dev.kassa.account.service.TooManyAttempts;
import dev.kassa.common.error.ErrorMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A throttled request: 429 in the error envelope, with Retry-After in seconds. */
public class TooManyAttemptsMapper {

    @ServerExceptionMapper
    public Response map(TooManyAttempts e) {
        return Response.fromResponse(ErrorMappers.envelope(429, e.errorCode(), e.getMessage(), "http_exception_handler"))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
