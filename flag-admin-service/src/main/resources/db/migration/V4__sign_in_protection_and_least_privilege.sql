-- Sign-in protection and least privilege.

-- Failed sign-ins, counted per account (a hash of the email) and per source address, in the
-- database so that every admin replica throttles alike. A subject's row is forgotten once it has
-- had no failure for a while; nothing here locks an account for good.
CREATE TABLE sign_in_throttle (
    subject         TEXT PRIMARY KEY CHECK (subject ~ '^(account|address):'),
    failures        INT NOT NULL CHECK (failures > 0),
    last_failure_at TIMESTAMPTZ NOT NULL,
    blocked_until   TIMESTAMPTZ NOT NULL
);

CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);

-- Sign-ins, failed and successful, are audited too.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_target_type_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_target_type_check
    CHECK (target_type IN ('FLAG', 'TOKEN', 'USER', 'LOGIN'));

-- The request id is the server's own; what a caller sent in X-Request-Id is kept beside it, so a
-- caller cannot pass its requests off as another's.
ALTER TABLE audit_log ADD COLUMN client_request_id TEXT;

-- Row triggers do not fire on TRUNCATE: refuse it with a statement trigger, whoever asks.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- When migrations run as an owner role of their own (spring.flyway.user), the service's runtime
-- role (spring.datasource.username, placeholder runtime_role) gets data access only: it cannot
-- alter, truncate or drop anything, nor change or delete audit entries, since only an owner may
-- alter a table or its triggers. Tables that later migrations create get the same grants by
-- default. With one role for both, as in the local run, there is nothing to grant.
DO $grants$
DECLARE
    runtime TEXT := '${runtime_role}';
    schema  TEXT := current_schema();
BEGIN
    IF runtime = '' OR runtime = current_user THEN
        RETURN;
    END IF;
    IF runtime !~ '^[A-Za-z_][A-Za-z0-9_]*$' THEN
        RAISE EXCEPTION 'runtime_role must be a plain role name, got %', runtime;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                   schema, runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, runtime);
    -- setval, for capture's re-versioning after a database restore moved the sequence back
    EXECUTE format('GRANT UPDATE ON SEQUENCE flag_version_seq TO %I', runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I'
                   ' GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', schema, runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
                   schema, runtime);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', runtime);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I FROM %I',
                   '${flyway:table}', runtime);
END
$grants$;
