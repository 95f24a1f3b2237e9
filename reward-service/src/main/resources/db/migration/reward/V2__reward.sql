-- The reward-service's own copy of each run's AI labels (event-carried state from LabelProduced).
CREATE TABLE labels (
    run_id           uuid             NOT NULL,
    pair_id          uuid             NOT NULL,
    prompt           text             NOT NULL,
    response_a       text             NOT NULL,
    response_b       text             NOT NULL,
    preference       double precision NOT NULL CHECK (preference BETWEEN 0 AND 1),
    human_preference double precision CHECK (human_preference BETWEEN 0 AND 1),
    received_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, pair_id)
);

CREATE TABLE label_failures (
    run_id      uuid        NOT NULL,
    pair_id     uuid        NOT NULL,
    reason      text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, pair_id)
);

-- How many labels the LABEL stage reported, so training waits until this copy has caught up.
CREATE TABLE label_stage_counts (
    run_id  uuid    PRIMARY KEY,
    labeled integer NOT NULL
);

-- One row per REWARD_MODEL stage attempt: the idempotency record of the stage protocol.
CREATE TABLE reward_model_stages (
    run_id        uuid        NOT NULL,
    attempt       integer     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    metrics       jsonb,
    artifact_path text,
    sha256        text,
    reason        text,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    PRIMARY KEY (run_id, attempt)
);

-- Training curves: one row per optimiser step.
CREATE TABLE training_curves (
    run_id        uuid             NOT NULL,
    attempt       integer          NOT NULL,
    step          integer          NOT NULL,
    epoch         double precision NOT NULL,
    loss          double precision NOT NULL,
    accuracy      double precision NOT NULL,
    learning_rate double precision NOT NULL,
    PRIMARY KEY (run_id, attempt, step)
);

-- Scoring requests answered over Kafka: a redelivered request is not answered twice.
CREATE TABLE scoring_requests (
    request_id  uuid        PRIMARY KEY,
    run_id      uuid        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('STARTED', 'ANSWERED')),
    received_at timestamptz NOT NULL DEFAULT now(),
    answered_at timestamptz
);

-- Direct-RLAIF ratings keyed by sha256(judge settings, prompt, response): repeated rollouts are not paid twice.
CREATE TABLE judge_ratings (
    cache_key      text             PRIMARY KEY,
    reward         double precision NOT NULL CHECK (reward BETWEEN -1 AND 1),
    expected_score double precision NOT NULL,
    judge_model    text             NOT NULL,
    created_at     timestamptz      NOT NULL DEFAULT now()
);
