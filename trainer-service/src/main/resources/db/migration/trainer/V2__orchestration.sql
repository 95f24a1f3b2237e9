-- One row per attempt of a stage of a run: the persisted state machine.
CREATE TABLE run_stages (
    run_id      uuid        NOT NULL REFERENCES runs (id),
    stage       text        NOT NULL,
    attempt     int         NOT NULL,
    status      text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    metrics     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    artifacts   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    reason      text,
    PRIMARY KEY (run_id, stage, attempt)
);

-- Time series per run (loss, reward, KL, entropy, length per step, from any stage and any service).
CREATE TABLE run_metrics (
    run_id      uuid             NOT NULL REFERENCES runs (id),
    stage       text             NOT NULL,
    step        bigint           NOT NULL,
    name        text             NOT NULL,
    value       double precision NOT NULL,
    recorded_at timestamptz      NOT NULL,
    PRIMARY KEY (run_id, stage, step, name)
);

-- The latest progress of the current stage.
CREATE TABLE run_progress (
    run_id      uuid        PRIMARY KEY REFERENCES runs (id),
    stage       text        NOT NULL,
    step        bigint      NOT NULL,
    total_steps bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Sampled pairs waiting for (or holding) their AI label.
CREATE TABLE sampled_pairs (
    pair_id          uuid PRIMARY KEY,
    run_id           uuid        NOT NULL REFERENCES runs (id),
    prompt           text        NOT NULL,
    response_a       text        NOT NULL,
    response_b       text        NOT NULL,
    human_preference double precision,
    status           text        NOT NULL,
    ai_preference    double precision,
    failure_reason   text,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX sampled_pairs_run_status ON sampled_pairs (run_id, status);
