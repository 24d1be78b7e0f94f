package dev.kassa.common.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
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

    /**
     * Content-Length 0, or an HTTP/1.x request with neither length nor chunked encoding. An HTTP/2
     * request (gRPC among them) streams its body without either, so only its length can say it is empty.
     */
    private static boolean hasNoBody(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("application/grpc")) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return "0".equals(length.trim());
        }
        return request.version() != HttpVersion.HTTP_2 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }
}
