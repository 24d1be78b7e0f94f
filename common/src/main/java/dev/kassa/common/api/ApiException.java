package dev.kassa.common.api;

/**
 * A failure with a known HTTP status and error code; the exception mapper turns it into the
 * error envelope. Business code throws it through the factory methods.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String errorCode;

    public ApiException(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public static ApiException badRequest(String errorCode, String message) {
        return new ApiException(400, errorCode, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHORIZED, message);
    }

    public static ApiException unauthorized(String errorCode, String message) {
        return new ApiException(401, errorCode, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCodes.FORBIDDEN, message);
    }

    public static ApiException forbidden(String errorCode, String message) {
        return new ApiException(403, errorCode, message);
    }

    public static ApiException notFound(String errorCode, String message) {
        return new ApiException(404, errorCode, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, message);
    }

    public static ApiException duplicate(String message) {
        return new ApiException(400, ErrorCodes.DUPLICATE, message);
    }

    public static ApiException duplicate(String errorCode, String message) {
        return new ApiException(400, errorCode, message);
    }

    public static ApiException validation(String message) {
        return new ApiException(422, ErrorCodes.VALIDATION, message);
    }

    public static ApiException invalidState(String message) {
        return new ApiException(400, ErrorCodes.INVALID_STATE, message);
    }

    public static ApiException unavailable(String errorCode, String message) {
        return new ApiException(503, errorCode, message);
    }
}
