package dev.kassa.masterdata.domain;

import dev.kassa.common.api.ApiException;

/**
 * Business error codes of the master-data service (range 405xx of the XXYYZZ scheme, as in
 * Kugel's MasterDataErrorCode). Duplicates use the shared 500005, validation the shared 300001.
 */
public final class MasterDataErrors {
    public static final String NOT_FOUND = "405002";
    public static final String ITEM_NOT_FOUND = "405101";
    public static final String STORE_PRICE_NOT_FOUND = "405201";
    public static final String CUSTOMER_HAS_CREDIT = "405301";
    public static final String CREDIT_LIMIT_EXCEEDED = "405302";
    public static final String POINTS_INSUFFICIENT = "405303";
    public static final String RESERVATION_NOT_OPEN = "405304";
    public static final String CUSTOMER_ERASED = "405305";
    public static final String REPAYMENT_TOO_LARGE = "405306";

    private MasterDataErrors() {
    }

    public static ApiException notFound(String what) {
        return ApiException.notFound(NOT_FOUND, what + " not found");
    }

    public static ApiException itemNotFound(String itemCode) {
        return ApiException.notFound(ITEM_NOT_FOUND, "Item " + itemCode + " not found");
    }

    public static ApiException storePriceNotFound(String storeCode, String itemCode) {
        return ApiException.notFound(STORE_PRICE_NOT_FOUND,
                "Item " + itemCode + " has no price of store " + storeCode);
    }

    public static ApiException customerHasCredit(String code, java.math.BigDecimal owed) {
        return ApiException.badRequest(CUSTOMER_HAS_CREDIT,
                "Customer " + code + " owes " + owed.stripTrailingZeros().toPlainString() + " and cannot be deleted");
    }

    public static ApiException customerErased(String code) {
        return ApiException.badRequest(CUSTOMER_ERASED, "Customer " + code + " has been erased");
    }

    public static ApiException exists(String what) {
        return ApiException.duplicate(what + " already exists");
    }
}
