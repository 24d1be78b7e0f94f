-- The W3C trace context (traceparent, tracestate) of the request that wrote an event, so that the
-- relay's send and every consumer continue that request's trace. Null when the writer was not traced.

ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text;
