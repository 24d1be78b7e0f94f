package dev.kassa.cart.domain;

import java.math.BigDecimal;

/**
 * One entry of an add-items request, with its master data already resolved.
 *
 * @param unitPrice the price asked for by the client, or null to use the master's price
 */
public record ItemToAdd(ItemMaster item, int quantity, BigDecimal unitPrice) {

    public static ItemToAdd of(ItemMaster item, int quantity) {
        return new ItemToAdd(item, quantity, null);
    }
}
