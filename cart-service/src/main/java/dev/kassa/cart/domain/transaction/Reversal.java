package dev.kassa.cart.domain.transaction;

import dev.kassa.common.event.TranLog;

import java.util.List;

/** The outcome of a void or return: the new tranlog to store and publish, and the flags to change. */
public record Reversal(TranLog tranLog, List<StatusChange> statusChanges) {
}
