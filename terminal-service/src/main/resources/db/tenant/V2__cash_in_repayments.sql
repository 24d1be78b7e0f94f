-- A cash in tied to a customer repays the customer's store credit: who, and the id the ledger posts it under.
ALTER TABLE cash_in_out_log ADD COLUMN customer_code text;
ALTER TABLE cash_in_out_log ADD COLUMN repayment_id text;
-- A repayment is taken once: a till's retry with the same id answers the first cash in.
CREATE UNIQUE INDEX cash_in_out_log_repayment ON cash_in_out_log (repayment_id) WHERE repayment_id IS NOT NULL;
