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

    public static ApiException exists(String what) {
        return ApiException.duplicate(what + " already exists");
    }
}
