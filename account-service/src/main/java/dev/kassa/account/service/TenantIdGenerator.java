package dev.kassa.account.service;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/** Tenant ids made up for a registration without one: an upper-case letter and four digits, as Kugel's. */
public final class TenantIdGenerator {
    private final IntUnaryOperator random;

    public TenantIdGenerator() {
        this(bound -> ThreadLocalRandom.current().nextInt(bound));
    }

    /** @param random returns a number in {@code [0, bound)} */
    public TenantIdGenerator(IntUnaryOperator random) {
        this.random = random;
    }

    public String next() {
        char letter = (char) ('A' + random.applyAsInt(26));
        int number = 1000 + random.applyAsInt(9000);
        return letter + Integer.toString(number);
    }
}
