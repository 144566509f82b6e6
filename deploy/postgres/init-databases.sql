-- One database per service, each owned by the service's own role, so that a service reaches its
-- own store and no other's: services share nothing but Kafka events.
--
-- The PostgreSQL image runs this once, on the first start with an empty data volume; a changed
-- password takes effect only after `docker compose down -v`. The roles' password comes from
-- TALLY_DB_PASSWORD, the one the services are given (see docker-compose.yml).
--
-- customer-service's migrations create the pg_trgm extension; it is a trusted extension, which a
-- database's owner may create without being a superuser.

\getenv service_password TALLY_DB_PASSWORD

CREATE ROLE customer_service LOGIN PASSWORD :'service_password';
CREATE DATABASE customers OWNER customer_service;
REVOKE ALL ON DATABASE customers FROM PUBLIC;

CREATE ROLE credit_ledger_service LOGIN PASSWORD :'service_password';
CREATE DATABASE ledger OWNER credit_ledger_service;
REVOKE ALL ON DATABASE ledger FROM PUBLIC;

CREATE ROLE auth_service LOGIN PASSWORD :'service_password';
CREATE DATABASE auth OWNER auth_service;
REVOKE ALL ON DATABASE auth FROM PUBLIC;
