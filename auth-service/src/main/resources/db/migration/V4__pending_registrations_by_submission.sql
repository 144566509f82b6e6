-- The sweep that ends registrations nobody decided on in time looks for the pending ones by submission time.
CREATE INDEX registrations_pending_by_submission ON registrations (submitted_at) WHERE status = 'PENDING';
