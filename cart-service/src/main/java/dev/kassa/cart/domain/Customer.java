package dev.kassa.cart.domain;

import java.math.BigDecimal;

/**
 * The customer attached to a cart, as master data answered when the till attached them: who they are
 * and what they could spend at that moment (shown to the cashier; a credit or points payment is held
 * against the ledger itself, not against these figures).
 */
public record Customer(String customerCode, String name, String loyaltyTier, BigDecimal pointsAvailable,
                       BigDecimal creditAvailable) {
}
