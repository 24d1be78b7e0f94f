package dev.kassa.common.openapi;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the code says about each JAX-RS operation, read from the annotations of its resource method:
 * the status it answers on success ({@code @ResponseStatus}, else 200) and whether a caller must be
 * authenticated ({@code @Authenticated} or {@code @RolesAllowed} on the method or its class, unless
 * the method says {@code @PermitAll}). Keys are {@code "POST /api/v1/carts"}.
 */
final class OperationsFromCode {
    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    static final DotName RESPONSE_STATUS = DotName.createSimple("org.jboss.resteasy.reactive.ResponseStatus");
    static final DotName AUTHENTICATED = DotName.createSimple("io.quarkus.security.Authenticated");
    static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    record Operation(int successStatus, boolean authenticated) {
    }

    private OperationsFromCode() {
    }

    static Map<String, Operation> read(IndexView index) {
        Map<String, Operation> found = new HashMap<>();
        if (index == null) {
            return found;
        }
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            if (resource.isInterface() || Modifier.isAbstract(resource.flags())) {
                continue; // a REST client's interface, not an operation of this service
            }
            boolean classSecured = resource.declaredAnnotation(AUTHENTICATED) != null
                    || resource.declaredAnnotation(ROLES_ALLOWED) != null;
            for (MethodInfo method : resource.methods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                AnnotationInstance sub = method.annotation(PATH);
                String full = join(path.value().asString(), sub == null ? "" : sub.value().asString());
                AnnotationInstance status = method.annotation(RESPONSE_STATUS);
                boolean secured = method.annotation(PERMIT_ALL) == null && (classSecured
                        || method.annotation(AUTHENTICATED) != null || method.annotation(ROLES_ALLOWED) != null);
                found.put(http + " " + full, new Operation(status == null ? 200 : status.value().asInt(), secured));
            }
        }
        return found;
    }

    private static String httpMethod(MethodInfo method) {
        for (String m : HTTP_METHODS) {
            if (method.annotation(DotName.createSimple("jakarta.ws.rs." + m)) != null) {
                return m;
            }
        }
        return null;
    }

    /** "/api/v1/terminals" + "{terminalId}/open" -> "/api/v1/terminals/{terminalId}/open", as the document writes paths. */
    static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
