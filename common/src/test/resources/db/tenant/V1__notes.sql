-- Tables of common's own test app: notes written through the API, and the tally its consumer keeps.
CREATE TABLE note (
    id         bigserial PRIMARY KEY,
    text       text NOT NULL,
    qty        integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tally (
    id    integer PRIMARY KEY,
    total bigint NOT NULL,
    applied integer NOT NULL
);
