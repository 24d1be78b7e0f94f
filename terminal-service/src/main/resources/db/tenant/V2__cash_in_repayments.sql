-- A cash in tied to a customer repays the customer's store credit: who, and the id the ledger posts it under.
ALTER TABLE cash_in_out_log ADD COLUMN customer_code text;
ALTER TABLE cash_in_out_log ADD COLUMN repayment_id text;
