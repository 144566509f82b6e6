-- Set validation: one account per email per platform, case-insensitive. Written in the
-- same transaction as the CustomerCreated / CustomerRegistered event, so that two
-- concurrent creates of one email cannot both pass.
CREATE TABLE customer_emails (
    platform_id UUID NOT NULL,
    email_key   TEXT NOT NULL,
    customer_id UUID NOT NULL UNIQUE,
    PRIMARY KEY (platform_id, email_key)
);
