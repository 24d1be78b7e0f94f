-- Parking: a row that cannot be published for a reason that will not pass by itself (too large,
-- rejected by the broker) is set aside with its reason, so the relay goes on with the others.
-- attempts and last_error (V1) count and describe its failures; parked_at marks it set aside.

ALTER TABLE outbox ADD COLUMN parked_at timestamptz;

-- The relay's claim: unpublished rows that are not parked, oldest first.
DROP INDEX outbox_unpublished;
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL AND parked_at IS NULL;

-- The operator's listing of one tenant's parked rows.
CREATE INDEX outbox_parked ON outbox (tenant_id, id) WHERE parked_at IS NOT NULL;
