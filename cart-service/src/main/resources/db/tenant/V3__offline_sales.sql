-- Sales made offline and uploaded later (POST /api/v1/carts/offline-sales). Each is a transaction like
-- any other; its cart_id is 'offline-' || the client's sale id, so the unique cart_id (V2) stores it
-- once per tenant however often it is uploaded. A sale whose items or prices master data does not
-- know is kept as sold with the reasons in its tranlog's additional_info.review_reasons; needs_review
-- follows from them, so listing the flagged ones is an indexed filter.
ALTER TABLE tran ADD COLUMN needs_review boolean GENERATED ALWAYS AS
    (COALESCE(jsonb_array_length(tranlog #> '{additional_info,review_reasons}') > 0, false)) STORED;

CREATE INDEX tran_needs_review ON tran (store_code, terminal_no, transaction_no) WHERE needs_review;
