package dev.kassa.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.restassured.RestAssured;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published document ({@code /q/openapi}) against the code of a service's resources: every operation
 * of every resource class in the package is documented, with the success status its method answers
 * ({@code @ResponseStatus}, else 200) and no other 2xx; its success answer has a typed schema (the
 * envelope's {@code data} is not an untyped object); an operation that needs a caller requires the
 * bearer token or the API key, and both schemes are declared.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<? extends Annotation>, String> HTTP = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", PATCH.class, "patch", DELETE.class, "delete");

    private OpenApiContract() {
    }

    /** Checks every resource class in {@code restPackage}; returns how many operations were compared. */
    public static int assertDocumentsTheCode(String restPackage) throws Exception {
        JsonNode doc = JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertEquals("bearer", schemes.path("bearerAuth").path("scheme").asText(), schemes.toString());
        assertEquals("JWT", schemes.path("bearerAuth").path("bearerFormat").asText());
        assertEquals("apiKey", schemes.path("apiKeyAuth").path("type").asText());
        assertEquals("header", schemes.path("apiKeyAuth").path("in").asText());
        assertEquals("X-API-KEY", schemes.path("apiKeyAuth").path("name").asText());

        int compared = 0;
        for (Class<?> resource : resources(restPackage)) {
            Path base = resource.getAnnotation(Path.class);
            boolean classSecured = resource.isAnnotationPresent(Authenticated.class)
                    || resource.isAnnotationPresent(RolesAllowed.class);
            for (Method m : resource.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = join(base.value(), sub == null ? "" : sub.value());
                String where = http.toUpperCase() + " " + path + " (" + resource.getSimpleName() + "." + m.getName() + ")";
                JsonNode op = doc.path("paths").path(path).path(http);
                assertFalse(op.isMissingNode(), "not documented: " + where);

                ResponseStatus status = m.getAnnotation(ResponseStatus.class);
                String expected = String.valueOf(status == null ? 200 : status.value());
                JsonNode responses = op.path("responses");
                assertTrue(responses.has(expected), where + " answers " + expected + " but documents " + names(responses));
                for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
                    String code = it.next();
                    assertTrue(!code.startsWith("2") || code.equals(expected),
                            where + " answers " + expected + " but also documents " + code);
                }
                assertTyped(doc, responses.path(expected), m, where);

                boolean secured = !m.isAnnotationPresent(PermitAll.class) && (classSecured
                        || m.isAnnotationPresent(Authenticated.class) || m.isAnnotationPresent(RolesAllowed.class));
                if (secured) {
                    List<String> required = new ArrayList<>();
                    op.path("security").forEach(r -> r.fieldNames().forEachRemaining(required::add));
                    assertTrue(required.contains("bearerAuth") && required.contains("apiKeyAuth"),
                            where + " needs a caller but documents security " + op.path("security"));
                }
                compared++;
            }
        }
        assertTrue(compared > 0, "no operations found in " + restPackage);
        return compared;
    }

    /** A success answer with content has a schema, and the envelope's data is typed. */
    private static void assertTyped(JsonNode doc, JsonNode response, Method m, String where) {
        Type answered = unwrap(m.getGenericReturnType());
        if (answered == void.class || answered == Void.class) {
            return;
        }
        JsonNode content = response.path("content");
        assertTrue(content.size() > 0, where + ": no content documented");
        for (JsonNode media : content) {
            JsonNode schema = resolve(doc, media.path("schema"));
            assertFalse(schema.isMissingNode() || schema.isEmpty(), where + ": no schema");
            if (answered instanceof Class<?> c && Response.class.isAssignableFrom(c)) {
                continue;
            }
            JsonNode data = schema.path("properties").path("data");
            if (!data.isMissingNode()) {
                assertFalse(untyped(resolve(doc, data)), where + ": data is untyped " + data);
            }
        }
    }

    private static boolean untyped(JsonNode schema) {
        if (schema.has("$ref") || schema.has("items") || schema.has("allOf") || schema.has("oneOf")) {
            return false;
        }
        String type = schema.path("type").asText("");
        if (type.isEmpty()) {
            return true;
        }
        JsonNode values = schema.path("additionalProperties");
        boolean typedValues = values.has("type") || values.has("$ref");
        return "object".equals(type) && !schema.has("properties") && !typedValues;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asText();
            s = doc.at(ref.substring(1));
        }
        return s;
    }

    private static Type unwrap(Type t) {
        if (t instanceof ParameterizedType p) {
            String raw = ((Class<?>) p.getRawType()).getName();
            if (raw.equals("io.smallrye.mutiny.Uni") || raw.equals("org.jboss.resteasy.reactive.RestResponse")
                    || raw.equals("java.util.concurrent.CompletionStage")) {
                return unwrap(p.getActualTypeArguments()[0]);
            }
        }
        return t;
    }

    private static String httpMethod(Method m) {
        for (Map.Entry<Class<? extends Annotation>, String> e : HTTP.entrySet()) {
            if (m.isAnnotationPresent(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String names(JsonNode responses) {
        List<String> n = new ArrayList<>();
        responses.fieldNames().forEachRemaining(n::add);
        return n.toString();
    }

    static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The classes with {@code @Path} compiled into {@code pkg}: the module's classes (tests run in the module). */
    static List<Class<?>> resources(String pkg) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> found = new ArrayList<>();
        for (String dir : List.of("target/classes/", "target/test-classes/")) {
            File[] files = new File(dir + pkg.replace('.', '/'))
                    .listFiles((d, name) -> name.endsWith(".class") && !name.contains("$"));
            for (File f : files == null ? new File[0] : files) {
                Class<?> c = Class.forName(pkg + "." + f.getName().replace(".class", ""), false, loader);
                if (c.isAnnotationPresent(Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
