-- The dashboard's view of every run, built from the stage and progress events.
CREATE TABLE run_stages (
    run_id     uuid        NOT NULL,
    stage      text        NOT NULL,
    attempt    int         NOT NULL,
    status     text        NOT NULL,
    metrics    jsonb,
    reason     text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, stage, attempt)
);

CREATE TABLE run_progress (
    run_id      uuid        NOT NULL,
    stage       text        NOT NULL,
    step        bigint      NOT NULL,
    total_steps bigint      NOT NULL,
    metrics     jsonb       NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (run_id, stage, step)
);
