-- Terminal service tables of one tenant, in schema "t_<tenant>" (see common's TenantSchemas).

-- The tenant's own record (one row) and how far its provisioning in the other services got.
CREATE TABLE tenant_info (
    tenant_id            text PRIMARY KEY,
    tenant_name          text NOT NULL,
    tags                 text NOT NULL DEFAULT '[]',
    provisioning         text NOT NULL DEFAULT '{}',
    entry_datetime       timestamptz NOT NULL,
    last_update_datetime timestamptz
);

CREATE TABLE store (
    store_code           text PRIMARY KEY,
    store_name           text NOT NULL,
    status               text,
    business_date        text,
    tags                 text NOT NULL DEFAULT '[]',
    entry_datetime       timestamptz NOT NULL,
    last_update_datetime timestamptz
);

CREATE TABLE terminal (
    terminal_id          text PRIMARY KEY,
    store_code           text NOT NULL,
    terminal_no          integer NOT NULL,
    description          text NOT NULL,
    function_mode        text NOT NULL,
    status               text NOT NULL,
    business_date        text,
    open_counter         integer NOT NULL DEFAULT 0,
    business_counter     integer NOT NULL DEFAULT 0,
    initial_amount       numeric,
    physical_amount      numeric,
    staff_id             text,
    staff_name           text,
    -- SHA-256 of the API key (never the key), and its first characters for the masked display.
    api_key_hash         text NOT NULL,
    api_key_prefix       text NOT NULL,
    entry_datetime       timestamptz NOT NULL,
    last_update_datetime timestamptz,
    UNIQUE (store_code, terminal_no)
);

-- The API-key check is one indexed lookup.
CREATE UNIQUE INDEX terminal_api_key_hash ON terminal (api_key_hash);

CREATE TABLE cash_in_out_log (
    id                 bigserial PRIMARY KEY,
    event_id           uuid NOT NULL UNIQUE,
    store_code         text NOT NULL,
    terminal_no        integer NOT NULL,
    staff_id           text,
    staff_name         text,
    business_date      text NOT NULL,
    open_counter       integer NOT NULL,
    business_counter   integer NOT NULL,
    generate_date_time text NOT NULL,
    amount             numeric NOT NULL,
    description        text,
    receipt_text       text,
    journal_text       text
);

CREATE INDEX cash_in_out_log_session ON cash_in_out_log (store_code, terminal_no, business_date, open_counter);

CREATE TABLE open_close_log (
    id                        bigserial PRIMARY KEY,
    event_id                  uuid NOT NULL UNIQUE,
    store_code                text NOT NULL,
    terminal_no               integer NOT NULL,
    operation                 text NOT NULL,
    staff_id                  text,
    staff_name                text,
    business_date             text NOT NULL,
    open_counter              integer NOT NULL,
    business_counter          integer NOT NULL,
    generate_date_time        text NOT NULL,
    cart_transaction_count    integer,
    cart_transaction_last_no  bigint,
    cash_in_out_count         integer,
    cash_in_out_last_datetime text,
    receipt_text              text,
    journal_text              text
);

CREATE INDEX open_close_log_session ON open_close_log (store_code, terminal_no, business_date, open_counter);

-- Delivery of each published event to its consumers, fed by their acknowledgements.
CREATE TABLE delivery_status (
    event_id    uuid PRIMARY KEY,
    terminal_id text NOT NULL,
    topic       text NOT NULL,
    event_type  text NOT NULL,
    status      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX delivery_status_terminal ON delivery_status (terminal_id, created_at);

CREATE TABLE delivery_status_service (
    event_id   uuid NOT NULL REFERENCES delivery_status (event_id) ON DELETE CASCADE,
    service    text NOT NULL,
    status     text NOT NULL,
    message    text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, service)
);
