package dev.kassa.common.api;

/**
 * The envelope every Kassa endpoint answers with (Kugel's wire format):
 * {@code {success, code, message, userError, data, metadata, operation}}.
 */
public record ApiResponse<T>(
        boolean success,
        int code,
        String message,
        UserError userError,
        T data,
        PageMetadata metadata,
        String operation) {

    public static <T> ApiResponse<T> ok(T data, String message, String operation) {
        return new ApiResponse<>(true, 200, message, null, data, null, operation);
    }

    public static <T> ApiResponse<T> created(T data, String message, String operation) {
        return new ApiResponse<>(true, 201, message, null, data, null, operation);
    }

    public static <T> ApiResponse<T> page(T data, PageMetadata metadata, String message, String operation) {
        return new ApiResponse<>(true, 200, message, null, data, metadata, operation);
    }

    public static ApiResponse<Object> error(int status, String errorCode, String message, String operation) {
        return new ApiResponse<>(false, status, message, new UserError(errorCode, message), null, null, operation);
    }
}
