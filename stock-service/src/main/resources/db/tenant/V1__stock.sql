-- Stock of one tenant (schema t_<tenant>): live quantities per store and item, every change
-- with its before and after, snapshots, the snapshot schedule and the slots it has run.

CREATE TABLE stock (
    store_code          text        NOT NULL,
    item_code           text        NOT NULL,
    current_quantity    numeric     NOT NULL DEFAULT 0,
    minimum_quantity    numeric     NOT NULL DEFAULT 0,
    reorder_point       numeric     NOT NULL DEFAULT 0,
    reorder_quantity    numeric     NOT NULL DEFAULT 0,
    last_transaction_id text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_code, item_code)
);

CREATE TABLE stock_update (
    id              bigserial PRIMARY KEY,
    store_code      text        NOT NULL,
    item_code       text        NOT NULL,
    update_type     text        NOT NULL,
    quantity_change numeric     NOT NULL,
    before_quantity numeric     NOT NULL,
    after_quantity  numeric     NOT NULL,
    reference_id    text,
    event_id        text,
    terminal_no     integer,
    transaction_no  bigint,
    operator_id     text,
    note            text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stock_update_item ON stock_update (store_code, item_code, id DESC);
CREATE INDEX stock_update_event ON stock_update (event_id) WHERE event_id IS NOT NULL;

CREATE TABLE stock_snapshot (
    snapshot_id        text PRIMARY KEY,
    store_code         text        NOT NULL,
    total_items        integer     NOT NULL,
    total_quantity     numeric     NOT NULL,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    generate_date_time text        NOT NULL,
    -- the schedule slot that made it, for scheduled snapshots
    slot               text
);

CREATE INDEX stock_snapshot_store ON stock_snapshot (store_code, created_at DESC);
CREATE INDEX stock_snapshot_created ON stock_snapshot (created_at);

-- Items are inserted in the same statement as their snapshot, so the key is checked at commit.
CREATE TABLE stock_snapshot_item (
    snapshot_id      text    NOT NULL REFERENCES stock_snapshot (snapshot_id) ON DELETE CASCADE
                             DEFERRABLE INITIALLY DEFERRED,
    item_code        text    NOT NULL,
    quantity         numeric NOT NULL,
    minimum_quantity numeric NOT NULL,
    reorder_point    numeric NOT NULL,
    reorder_quantity numeric NOT NULL,
    PRIMARY KEY (snapshot_id, item_code)
);

-- One row at most: the tenant's snapshot schedule.
CREATE TABLE snapshot_schedule (
    id                    integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    enabled               boolean     NOT NULL,
    schedule_interval     text        NOT NULL,
    schedule_hour         integer     NOT NULL,
    schedule_minute       integer     NOT NULL,
    schedule_day_of_week  integer,
    schedule_day_of_month integer,
    retention_days        integer     NOT NULL,
    target_stores         text        NOT NULL,
    last_executed_at      timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    created_by            text,
    updated_by            text
);

-- A scheduled run claims its slot here first; the primary key lets one replica win it.
CREATE TABLE snapshot_run (
    slot       text PRIMARY KEY,
    claimed_by text        NOT NULL,
    claimed_at timestamptz NOT NULL,
    snapshots  integer     NOT NULL DEFAULT 0
);
