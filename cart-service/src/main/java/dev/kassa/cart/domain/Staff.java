package dev.kassa.cart.domain;

/** A person on a transaction: the signed-in staff member, or the user given at cart creation. */
public record Staff(String id, String name) {
}
