-- Customers and their two ledgers (loyalty points, store credit) of one tenant.
--
-- ledger_entry is append-only (a trigger refuses UPDATE and DELETE); ledger_account holds the
-- balances and is only ever changed in the transaction that appends the entry that explains the
-- change, so balance = sum(entries) always. Credit amounts are what the customer owes; points
-- are points. A reservation holds credit (or points) for a cart until its bill posts it, or it
-- is released (cancel, failed bill, expiry).

CREATE TABLE customer (
    customer_code        text PRIMARY KEY,
    name                 text NOT NULL,
    phone                text,
    email                text,
    loyalty_tier         text NOT NULL DEFAULT 'standard',
    credit_limit         numeric NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    is_erased            boolean NOT NULL DEFAULT false,
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz
);
CREATE INDEX customer_phone ON customer (phone);
CREATE INDEX customer_name ON customer (lower(name));

CREATE TABLE ledger_account (
    customer_code   text PRIMARY KEY,
    credit_balance  numeric NOT NULL DEFAULT 0,
    credit_reserved numeric NOT NULL DEFAULT 0 CHECK (credit_reserved >= 0),
    points_balance  numeric NOT NULL DEFAULT 0,
    points_reserved numeric NOT NULL DEFAULT 0 CHECK (points_reserved >= 0)
);

CREATE TABLE ledger_entry (
    entry_id       bigserial PRIMARY KEY,
    customer_code  text NOT NULL,
    ledger         text NOT NULL CHECK (ledger IN ('points', 'credit')),
    entry_type     text NOT NULL CHECK (entry_type IN ('sale', 'return', 'void', 'repayment', 'adjustment', 'expiry')),
    amount         numeric NOT NULL,
    -- what caused the entry, unique: a second posting of the same cause is refused by the database
    source_key     text NOT NULL UNIQUE,
    reference      text,
    store_code     text,
    terminal_no    integer,
    transaction_no bigint,
    business_date  text,
    entry_datetime timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entry_customer ON ledger_entry (customer_code, ledger, entry_datetime);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only';
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

CREATE TABLE ledger_reservation (
    reservation_id text PRIMARY KEY,
    customer_code  text NOT NULL,
    ledger         text NOT NULL CHECK (ledger IN ('points', 'credit')),
    amount         numeric NOT NULL CHECK (amount > 0),
    status         text NOT NULL CHECK (status IN ('reserved', 'confirmed', 'released', 'posted')),
    cart_id        text,
    store_code     text,
    terminal_no    integer,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    settled_at     timestamptz
);
CREATE INDEX ledger_reservation_open ON ledger_reservation (customer_code, expires_at) WHERE status = 'reserved';

-- What each customer bought (sales positive, returns and voids negative), for the top-customers
-- report; posted with the ledgers from the same tranlog, once per transaction.
CREATE TABLE customer_purchase (
    source_key    text PRIMARY KEY,
    customer_code text NOT NULL,
    business_date text NOT NULL,
    amount        numeric NOT NULL
);
CREATE INDEX customer_purchase_date ON customer_purchase (business_date, customer_code);
