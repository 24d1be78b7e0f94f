package dev.kassa.cart.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;

/**
 * The business counters on {@code /q/metrics}: sales billed and their amount, voids and returns, counted
 * once their transaction committed. No tenant or terminal tags: the label sets stay bounded.
 */
@ApplicationScoped
public class SalesMetrics {

    @Inject
    MeterRegistry registry;

    private Counter sales;
    private Counter amount;
    private Counter voids;
    private Counter returns;

    @PostConstruct
    void init() {
        sales = Counter.builder("kassa.sales").description("Sales billed").register(registry);
        amount = Counter.builder("kassa.sales.amount").description("Amount billed, tax included, in any currency")
                .register(registry);
        voids = Counter.builder("kassa.voids").description("Transactions voided").register(registry);
        returns = Counter.builder("kassa.returns").description("Returns of transactions").register(registry);
    }

    public void billed(BigDecimal totalWithTax) {
        sales.increment();
        if (totalWithTax != null) {
            amount.increment(totalWithTax.doubleValue());
        }
    }

    public void reversed(boolean isVoid) {
        (isVoid ? voids : returns).increment();
    }
}
