CREATE TABLE runs (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL,
    status          text        NOT NULL,
    current_stage   text,
    spec            jsonb       NOT NULL,
    idempotency_key text UNIQUE,
    failure_reason  text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX runs_status_created ON runs (status, created_at DESC);
CREATE INDEX runs_created ON runs (created_at DESC);

-- Transactional outbox: an event is stored with the state change that caused it and published afterwards,
-- so a crash between the database commit and the Kafka send loses nothing.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
