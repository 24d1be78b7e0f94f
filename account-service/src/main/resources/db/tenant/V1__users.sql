-- The users of one tenant (schema "t_<tenant>"). Passwords are bcrypt hashes in Modular Crypt
-- Format; the plain password is never stored.
CREATE TABLE users (
    username        text PRIMARY KEY,
    hashed_password text        NOT NULL,
    is_superuser    boolean     NOT NULL DEFAULT false,
    is_active       boolean     NOT NULL DEFAULT true,
    roles           text[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz,
    last_login      timestamptz
);
