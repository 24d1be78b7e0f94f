package dev.kassa.report.domain;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.util.List;

/** The sales report (kugel-features.md §6; kugel-flows.md step 28). */
public record SalesReport(
        @JsonUnwrapped ReportHeader header,
        Figure salesGross,
        Figure salesNet,
        Figure discountForLineitems,
        Figure discountForSubtotal,
        Figure returns,
        List<Tax> taxes,
        List<Payment> payments,
        Cash cash,
        String receiptText,
        String journalText) {

    public SalesReport withTexts(String receipt, String journal) {
        return new SalesReport(header, salesGross, salesNet, discountForLineitems, discountForSubtotal, returns, taxes,
                payments, cash, receipt, journal);
    }

    public record Figure(BigDecimal amount, int quantity, int count) {
        public static final Figure ZERO = new Figure(BigDecimal.ZERO, 0, 0);
    }

    /** Kugel answers without the code; Kassa adds it, so that a client can tell two taxes of one name apart. */
    public record Tax(String taxCode, String taxName, BigDecimal taxAmount, BigDecimal targetAmount,
                      int targetQuantity) {
    }

    public record Payment(String paymentCode, String paymentName, BigDecimal amount, int count) {
    }

    public record Cash(BigDecimal logicalAmount, BigDecimal physicalAmount, BigDecimal differenceAmount,
                       Movement cashIn, Movement cashOut) {
    }

    public record Movement(BigDecimal amount, int count) {
    }
}
