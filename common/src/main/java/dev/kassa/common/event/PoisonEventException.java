package dev.kassa.common.event;

/** A record no retry can apply: it goes to the dead-letter topic with this message as the reason. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }
}
