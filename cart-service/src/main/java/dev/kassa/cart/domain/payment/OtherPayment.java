package dev.kassa.cart.domain.payment;

/** Others ({@code 12}): no change, no deposit above the balance (406 / 403004). */
public class OtherPayment extends ExactTenderPayment {
}
