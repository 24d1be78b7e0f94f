-- A cart is billed or cancelled once: a second bill of the same cart cannot make a second transaction.
CREATE UNIQUE INDEX tran_cart_once ON tran (cart_id) WHERE cart_id IS NOT NULL;
