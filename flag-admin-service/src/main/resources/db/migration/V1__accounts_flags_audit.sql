-- Flagstream admin schema. Every flag change bumps a version drawn from one sequence, so versions
-- keep increasing across delete and recreate and consumers can order any two states of a name.

CREATE TABLE users (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email         TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE SEQUENCE flag_version_seq AS BIGINT;

CREATE TABLE feature_flags (
    id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name               TEXT UNIQUE NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
    description        TEXT,
    enabled            BOOLEAN NOT NULL DEFAULT false,
    rollout_percentage INT NOT NULL DEFAULT 100 CHECK (rollout_percentage BETWEEN 0 AND 100),
    user_allowlist     UUID[] NOT NULL DEFAULT '{}' CHECK (cardinality(user_allowlist) <= 10000),
    metadata           JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    created_by         UUID REFERENCES users(id) ON DELETE SET NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    version            BIGINT NOT NULL DEFAULT nextval('flag_version_seq')
);

-- Whatever writes the row, a change gets a new version and time: no client can forget or fake it.
CREATE FUNCTION feature_flags_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('flag_version_seq');
    NEW.updated_at := NOW();
    NEW.created_at := OLD.created_at;
    RETURN NEW;
END
$$;

CREATE TRIGGER feature_flags_versioned BEFORE UPDATE ON feature_flags
    FOR EACH ROW EXECUTE FUNCTION feature_flags_versioned();

-- Change data capture needs the whole old row of an update or delete.
ALTER TABLE feature_flags REPLICA IDENTITY FULL;

CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    actor_id    UUID,
    actor_email TEXT,
    action      TEXT NOT NULL,
    target_type TEXT NOT NULL CHECK (target_type IN ('FLAG', 'TOKEN', 'USER')),
    target      TEXT NOT NULL,
    before      JSONB,
    after       JSONB,
    request_id  TEXT
);

CREATE INDEX audit_log_target ON audit_log (target_type, target, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at, id);

-- The audit log is append-only, also for anyone with SQL access who is not its owner's migration.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
