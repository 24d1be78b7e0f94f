package dev.kassa.stock.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Why a quantity changed, as the contract spells it on the wire. */
public enum UpdateType {
    SALE, RETURN, VOID, VOID_RETURN, PURCHASE, ADJUSTMENT, INITIAL, DAMAGE, TRANSFER_IN, TRANSFER_OUT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** An unknown value fails JSON binding, which the error mappers answer with 422. */
    @JsonCreator
    public static UpdateType of(String value) {
        for (UpdateType t : values()) {
            if (t.wire().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("updateType must be one of " + Arrays.stream(values())
                .map(UpdateType::wire).collect(Collectors.joining(", ")));
    }

    /** The update a tranlog of this transaction type makes, and its sign; null when it changes no stock. */
    public static UpdateType ofTransactionType(int transactionType) {
        return switch (transactionType) {
            case 101 -> SALE;
            case 102 -> RETURN;
            case 201 -> VOID;
            case 202 -> VOID_RETURN;
            default -> null;
        };
    }

    /** -1 for what leaves the shelf with a tranlog (sale, void of a return), +1 for what comes back. */
    public int tranlogSign() {
        return switch (this) {
            case SALE, VOID_RETURN -> -1;
            case RETURN, VOID -> 1;
            default -> throw new IllegalStateException(this + " does not come from a tranlog");
        };
    }
}
