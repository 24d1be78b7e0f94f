package dev.kassa.recommendation.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an item is recommended. */
public enum Reason {
    /** Bought together with the cart's items. */
    CO_PURCHASE("co_purchase"),
    /** Popular in the store (or the tenant), filling up where the cart's items say too little. */
    POPULAR("popular");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
