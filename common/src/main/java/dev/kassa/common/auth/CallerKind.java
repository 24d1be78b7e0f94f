package dev.kassa.common.auth;

/** Who is calling: a person of the back office, a store terminal, or another Kassa service. */
public enum CallerKind {
    USER, TERMINAL, SERVICE
}
