package dev.kassa.cart.domain.payment;

/** Cashless ({@code 11}): no change, no deposit above the balance (406 / 403004). */
public class CashlessPayment extends ExactTenderPayment {
}
