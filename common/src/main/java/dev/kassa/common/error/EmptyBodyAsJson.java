package dev.kassa.common.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A POST, PUT or PATCH with no body is read as an empty JSON body whatever its Content-Type (none,
 * or a client library's default such as form-urlencoded), as Kugel does: {@code POST
 * /terminals/{id}/open} with nothing at all opens the terminal. Without this, JAX-RS answers 415
 * because no reader takes that media type.
 */
@ApplicationScoped
public class EmptyBodyAsJson {

    void install(@Observes Router router) {
        router.route().order(-4).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (isWrite(request.method()) && hasNoBody(request)) {
                request.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            }
            ctx.next();
        });
    }

    private static boolean isWrite(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private static boolean hasNoBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return "0".equals(length.trim());
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }
}
