-- Two-factor sign-in (TOTP, RFC 6238).

-- A user's authenticator secret, encrypted by the service (AES-GCM) with the key named by
-- secret_key_id: the database never holds it in the clear. Pending until a first code proves the
-- user's app holds it (enabled_at set). last_used_step is the time step of the last code accepted:
-- only later codes are accepted, so no code is accepted twice.
CREATE TABLE two_factor (
    user_id        UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_key_id  TEXT NOT NULL,
    secret_sealed  BYTEA NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    enabled_at     TIMESTAMPTZ,
    last_used_step BIGINT
);

CREATE INDEX two_factor_key ON two_factor (secret_key_id);

-- One-time recovery codes, as SHA-256 of the code; used_at is set when one is spent.
CREATE TABLE two_factor_recovery_codes (
    user_id   UUID NOT NULL REFERENCES two_factor(user_id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

-- The roles whose users must sign in with two factors, set by an admin: one row.
CREATE TABLE two_factor_requirement (
    singleton      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    required_roles TEXT[] NOT NULL DEFAULT '{}'
        CHECK (required_roles <@ ARRAY['ADMIN', 'EDITOR', 'VIEWER']::TEXT[])
);

INSERT INTO two_factor_requirement DEFAULT VALUES;
