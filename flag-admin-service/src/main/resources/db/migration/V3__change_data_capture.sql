-- Change data capture keeps its position in the write-ahead log here, in the same database as the
-- flags, so a restart or another replica resumes exactly where the last engine stopped.
CREATE TABLE cdc_offsets (
    offset_key   BYTEA PRIMARY KEY,
    offset_value BYTEA,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Written by the engine's heartbeat, so the replication slot advances while no flag changes and
-- PostgreSQL can recycle its write-ahead log.
CREATE TABLE cdc_heartbeat (
    id      INT PRIMARY KEY CHECK (id = 1),
    beat_at TIMESTAMPTZ NOT NULL
);
