-- The registrations each invitation refused for an address that already has an account; the limit locks it.
ALTER TABLE invitations ADD COLUMN refused_registrations INTEGER NOT NULL DEFAULT 0;
