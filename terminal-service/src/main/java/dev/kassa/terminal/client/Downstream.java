package dev.kassa.terminal.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.WebApplicationException;

/** Small helpers shared by the outbound clients. */
public final class Downstream {

    private Downstream() {
    }

    public static int status(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null ? w.getResponse().getStatus() : -1;
    }

    public static boolean isClientError(Throwable t) {
        int status = status(t);
        return status >= 400 && status < 500;
    }

    /** The body of a refused call, shortened; a proxy in between may answer with a whole HTML page. */
    public static String body(Throwable t) {
        if (!(t instanceof WebApplicationException w) || w.getResponse() == null) {
            return "";
        }
        try {
            w.getResponse().bufferEntity();
            String body = w.getResponse().readEntity(String.class);
            return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A short reason for a failed call, for the answer to the client and the log. */
    public static String reason(Throwable t) {
        int status = status(t);
        if (status > 0) {
            return "HTTP " + status;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Continues on the caller's Vert.x context once a remote call completes (a timeout or retry may
     * complete it on another thread), so that a database transaction can follow.
     */
    public static <T> Uni<T> resumeOnCaller(Uni<T> call) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return call;
        }
        return call.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
