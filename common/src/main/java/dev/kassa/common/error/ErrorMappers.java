package dev.kassa.common.error;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.ErrorCodes;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Every failure leaves as the error envelope with the contract's code. Client mistakes are 4xx;
 * only a real fault is a 500, and its answer never carries a stack trace.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    Instance<ExceptionTranslator> translators;

    public static Response envelope(int status, String code, String message, String operation) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiResponse.error(status, code, message, operation)).build();
    }

    public static Response envelope(ApiException e) {
        return envelope(e.status(), e.errorCode(), e.getMessage(), "app_exception_handler");
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return envelope(e);
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return envelope(422, ErrorCodes.VALIDATION, "Invalid input data: " + e.getMessage(),
                "validation_exception_handler");
    }

    private Response violations(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ErrorMappers::describe)
                .collect(Collectors.joining("; "));
        return envelope(422, ErrorCodes.VALIDATION, "Invalid input data: " + detail, "validation_exception_handler");
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "create.body.itemCode" -> "body -> itemCode": the method name says nothing to a client.
        int firstDot = path.indexOf('.');
        String location = firstDot < 0 ? path : path.substring(firstDot + 1);
        return location.replace(".", " -> ") + ": " + v.getMessage();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response json(JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response json(JsonMappingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response json(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response json(InvalidFormatException e) {
        return badJson(e);
    }

    /**
     * Reading a property: the body names one field twice (once in camelCase, once in snake_case), which
     * the creator cannot take: the client's input. Anywhere else a type Jackson cannot handle is ours.
     */
    @ServerExceptionMapper
    public Response json(InvalidDefinitionException e) {
        if (!writing(e) && !e.getPath().isEmpty()) {
            return envelope(422, ErrorCodes.VALIDATION,
                    "Invalid input data: a field is given more than once (camelCase and snake_case)",
                    "validation_exception_handler");
        }
        LOG.error("JSON definition failure", e);
        return envelope(500, ErrorCodes.INTERNAL, "Internal server error", "exception_handler");
    }

    private static Response badJson(JsonProcessingException e) {
        if (writing(e)) {
            // Writing the answer failed: the server's fault, never the client's input.
            LOG.error("Answer could not be written", e);
            return envelope(500, ErrorCodes.INTERNAL, "Internal server error", "exception_handler");
        }
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(" -> ")) + ": ";
        }
        String reason = e instanceof JsonParseException ? "malformed JSON" : e.getOriginalMessage();
        if (reason != null && reason.length() > 200) {
            reason = reason.substring(0, 200);
        }
        return envelope(422, ErrorCodes.VALIDATION, "Invalid input data: " + where + reason,
                "validation_exception_handler");
    }

    /** A failure of writing JSON (databind wraps the generator's own with the path of the value). */
    private static boolean writing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonGenerationException
                    || t instanceof JsonProcessingException j && j.getProcessor() instanceof JsonGenerator) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return envelope(401, ErrorCodes.UNAUTHORIZED, "Not authenticated", "http_exception_handler");
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationFailedException e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? "Invalid credentials" : e.getMessage();
        return envelope(401, ErrorCodes.UNAUTHORIZED, reason, "http_exception_handler");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return envelope(403, ErrorCodes.FORBIDDEN, "Not allowed", "http_exception_handler");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return envelope(404, ErrorCodes.NOT_FOUND, "Not Found", "http_exception_handler");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return envelope(405, ErrorCodes.METHOD_NOT_ALLOWED, "Method Not Allowed", "http_exception_handler");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return badJson(jpe);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String code = switch (status) {
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCodes.NOT_ACCEPTABLE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.GENERAL;
        };
        if (status >= 500) {
            LOG.error("Request failed", e);
            return envelope(status, code, "Internal server error", "exception_handler");
        }
        String message = e.getResponse().getStatusInfo().getReasonPhrase();
        return envelope(status, code, message == null ? "Bad request" : message, "http_exception_handler");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<ApiException> known = translate(e);
        if (known.isPresent()) {
            return envelope(known.get());
        }
        LOG.error("Unhandled failure", e);
        return envelope(500, ErrorCodes.INTERNAL, "Internal server error", "exception_handler");
    }

    /** Looks through wrappers (CompletionException, persistence exceptions) for a known cause. */
    Optional<ApiException> translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return Optional.of(api);
            }
            if (t instanceof CompletionException) {
                continue;
            }
            for (ExceptionTranslator translator : translators) {
                Optional<ApiException> found = translator.translate(t);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
