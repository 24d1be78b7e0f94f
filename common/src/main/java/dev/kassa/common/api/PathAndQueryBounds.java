package dev.kassa.common.api;

import dev.kassa.common.error.ErrorMappers;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bounds of path and query values, checked once for every endpoint of every service before the
 * resource runs, so no store ever sees them: no control characters anywhere; a code (a parameter named
 * {@code ..._code}, {@code ...Code} or the staff id) at most {@link Limits#CODE_MAX} characters; any
 * other path value at most {@link Limits#NAME_MAX}, any other query value at most {@link Limits#TEXT_MAX}.
 * Refused with 422/300001. The tenant id is left to {@code TenantIds}, which answers the contract's
 * 400/300003.
 */
public class PathAndQueryBounds {
    private static final Pattern NO_CONTROL_CHARACTERS = Pattern.compile(Limits.NO_CONTROL_CHARACTERS);

    @ServerRequestFilter
    public Optional<Response> check(UriInfo uri) {
        return problem(uri.getPathParameters(), true)
                .or(() -> problem(uri.getQueryParameters(), false))
                .map(message -> ErrorMappers.envelope(422, ErrorCodes.VALIDATION, "Invalid input data: " + message,
                        "validation_exception_handler"));
    }

    private static Optional<String> problem(MultivaluedMap<String, String> params, boolean inPath) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            for (String value : param.getValue()) {
                Optional<String> found = problem(param.getKey(), value, inPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** What is wrong with one value, if anything. */
    static Optional<String> problem(String name, String value, boolean inPath) {
        String key = name.toLowerCase(Locale.ROOT).replace("_", "");
        if (value == null || key.equals("tenantid")) {
            return Optional.empty();
        }
        boolean code = key.endsWith("code") || key.equals("staffid");
        int max = code ? Limits.CODE_MAX : inPath ? Limits.NAME_MAX : Limits.TEXT_MAX;
        if (value.length() > max) {
            return Optional.of(name + " must be at most " + max + " characters");
        }
        if (!NO_CONTROL_CHARACTERS.matcher(value).matches()) {
            return Optional.of(name + " must not contain control characters");
        }
        return Optional.empty();
    }
}
