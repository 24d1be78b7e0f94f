-- Master data of one tenant (schema t_<tenant>). Column names are the snake_case of the JSON
-- fields, so list sorting (sort=field:1) maps one to one. Lists and nested documents (roles,
-- item details, setting values, item-book layout, promotion detail) are JSON text: they are
-- always read and written whole.

CREATE TABLE staff (
    id                   text PRIMARY KEY,
    name                 text NOT NULL,
    pin_hash             text NOT NULL,
    roles                text NOT NULL DEFAULT '[]',
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz
);

CREATE TABLE category (
    category_code        text PRIMARY KEY,
    description          text NOT NULL,
    description_short    text NOT NULL,
    tax_code             text NOT NULL,
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz
);

CREATE TABLE item (
    item_code              text PRIMARY KEY,
    description            text NOT NULL,
    unit_price             numeric NOT NULL,
    unit_cost              numeric NOT NULL,
    item_details           text NOT NULL DEFAULT '[]',
    image_urls             text NOT NULL DEFAULT '[]',
    category_code          text NOT NULL,
    tax_code               text NOT NULL,
    is_discount_restricted boolean NOT NULL DEFAULT false,
    is_deleted             boolean NOT NULL DEFAULT false,
    entry_datetime         timestamptz NOT NULL DEFAULT now(),
    last_update_datetime   timestamptz
);

CREATE TABLE store_item (
    store_code           text NOT NULL,
    item_code            text NOT NULL,
    store_price          numeric NOT NULL,
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz,
    PRIMARY KEY (store_code, item_code)
);

CREATE TABLE payment (
    payment_code         text PRIMARY KEY,
    description          text NOT NULL,
    limit_amount         numeric NOT NULL,
    can_refund           boolean NOT NULL,
    can_deposit_over     boolean NOT NULL,
    can_change           boolean NOT NULL,
    is_active            boolean NOT NULL,
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz
);

CREATE TABLE setting (
    name                 text PRIMARY KEY,
    default_value        text NOT NULL,
    setting_values       text NOT NULL DEFAULT '[]',
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz
);

CREATE TABLE item_book (
    item_book_id         text PRIMARY KEY,
    title                text NOT NULL,
    categories           text NOT NULL DEFAULT '[]',
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz
);

CREATE TABLE promotion (
    promotion_code       text PRIMARY KEY,
    promotion_type       text NOT NULL,
    name                 text NOT NULL,
    description          text,
    start_datetime       timestamptz NOT NULL,
    end_datetime         timestamptz NOT NULL,
    is_active            boolean NOT NULL,
    detail               text,
    is_deleted           boolean NOT NULL DEFAULT false,
    entry_datetime       timestamptz NOT NULL DEFAULT now(),
    last_update_datetime timestamptz
);

CREATE INDEX promotion_live ON promotion (start_datetime, end_datetime) WHERE is_active AND NOT is_deleted;
