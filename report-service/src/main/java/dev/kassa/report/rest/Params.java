package dev.kassa.report.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.QueryValues;
import dev.kassa.common.auth.Caller;

/** Query and path values the way FastAPI checks them in Kugel: a number that is not one is a 422. */
final class Params {

    private Params() {
    }

    static Integer optionalInt(String name, String value) {
        return QueryValues.optionalInt(name, value);
    }

    static int requiredInt(String name, String value) {
        Integer v = optionalInt(name, value);
        if (v == null) {
            throw ApiException.validation("Invalid input data: " + name + ": field required");
        }
        return v;
    }

    /** A terminal reads its own store's numbers only; users and services of the tenant read every store. */
    static void requireStore(Caller caller, String storeCode) {
        if (caller.isTerminal() && caller.terminal() != null && caller.terminal().storeCode() != null
                && !caller.terminal().storeCode().equals(storeCode)) {
            throw ApiException.forbidden("A terminal may read the reports of its own store only");
        }
    }
}
