package dev.kassa.terminal.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The business date and counters of a terminal session. An open on the same business date adds one
 * to the open counter; an open on a new date starts it again at 1. The business counter counts
 * every open, for ever.
 */
public record SessionCounters(String businessDate, int openCounter, int businessCounter) {

    public static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public SessionCounters open(LocalDate today) {
        String date = today.format(BUSINESS_DATE);
        int opens = date.equals(businessDate) ? openCounter + 1 : 1;
        return new SessionCounters(date, opens, businessCounter + 1);
    }
}
