-- Shared by the services that keep their own copy of runs (event-carried state from RunSubmitted).
CREATE TABLE known_runs (
    run_id        uuid PRIMARY KEY,
    name          text        NOT NULL,
    spec          jsonb       NOT NULL,
    submitted_at  timestamptz NOT NULL,
    first_seen_at timestamptz NOT NULL,
    cancelled_at  timestamptz
);
CREATE INDEX known_runs_first_seen ON known_runs (first_seen_at DESC);
