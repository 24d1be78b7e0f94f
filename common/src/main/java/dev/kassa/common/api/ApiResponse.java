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

    /** Longest message an error answer carries: messages quote input, and input may be huge. */
    static final int ERROR_MESSAGE_MAX = 500;

    public static ApiResponse<Object> error(int status, String errorCode, String message, String operation) {
        String shown = message;
        if (message != null && message.length() > ERROR_MESSAGE_MAX) {
            int end = Character.isHighSurrogate(message.charAt(ERROR_MESSAGE_MAX - 1)) ? ERROR_MESSAGE_MAX - 1
                    : ERROR_MESSAGE_MAX;
            shown = message.substring(0, end) + "...";
        }
        return new ApiResponse<>(false, status, shown, new UserError(errorCode, shown), null, null, operation);
    }
}
