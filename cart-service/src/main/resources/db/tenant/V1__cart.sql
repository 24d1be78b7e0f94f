-- Completed, cancelled, voided and returned transactions of the tenant, their numbering per
-- terminal and the delivery state of their tranlog events. Live carts are in Redis.

CREATE TABLE terminal_counter (
    store_code     text    NOT NULL,
    terminal_no    integer NOT NULL,
    transaction_no bigint  NOT NULL,
    receipt_no     bigint  NOT NULL,
    PRIMARY KEY (store_code, terminal_no)
);

CREATE TABLE tran (
    store_code            text        NOT NULL,
    terminal_no           integer     NOT NULL,
    transaction_no        bigint      NOT NULL,
    transaction_type      integer     NOT NULL,
    business_date         text        NOT NULL,
    open_counter          integer     NOT NULL,
    business_counter      integer     NOT NULL,
    receipt_no            bigint      NOT NULL,
    generate_date_time    timestamptz NOT NULL,
    total_amount_with_tax numeric     NOT NULL,
    is_cancelled          boolean     NOT NULL DEFAULT false,
    is_voided             boolean     NOT NULL DEFAULT false,
    is_refunded           boolean     NOT NULL DEFAULT false,
    cart_id               text,
    event_id              uuid        NOT NULL UNIQUE,
    tranlog               jsonb       NOT NULL,
    PRIMARY KEY (store_code, terminal_no, transaction_no)
);

-- The close of a terminal counts its session's transactions; lists filter on the same columns.
CREATE INDEX tran_session ON tran (store_code, terminal_no, business_date, open_counter);
CREATE INDEX tran_receipt ON tran (store_code, terminal_no, receipt_no);

CREATE TABLE delivery_status (
    event_id       uuid        PRIMARY KEY,
    store_code     text        NOT NULL,
    terminal_no    integer     NOT NULL,
    transaction_no bigint      NOT NULL,
    status         text        NOT NULL,
    services       jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX delivery_status_tran ON delivery_status (store_code, terminal_no, transaction_no);
