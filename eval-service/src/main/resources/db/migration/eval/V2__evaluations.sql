-- One evaluation compares policy A with policy B on n held-out prompts; a run's EVALUATE stage owns one per attempt.
CREATE TABLE evaluations (
    id             uuid PRIMARY KEY,
    run_id         uuid,
    attempt        int,
    name           text        NOT NULL,
    request        jsonb       NOT NULL,
    status         text        NOT NULL,
    failure_reason text,
    metrics        jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    UNIQUE (run_id, attempt)
);
CREATE INDEX evaluations_by_run ON evaluations (run_id, created_at DESC);

-- One prompt with both policies' responses.
CREATE TABLE evaluation_items (
    id            uuid PRIMARY KEY,
    evaluation_id uuid    NOT NULL REFERENCES evaluations (id),
    position      int     NOT NULL,
    prompt_id     text    NOT NULL,
    prompt        text    NOT NULL,
    response_a    text    NOT NULL,
    response_b    text    NOT NULL,
    UNIQUE (evaluation_id, position)
);

-- One verdict per item and rater: a redelivered or repeated verdict changes nothing.
CREATE TABLE judgements (
    item_id      uuid             NOT NULL REFERENCES evaluation_items (id),
    rater        text             NOT NULL,
    judge        text             NOT NULL CHECK (judge IN ('ai', 'human', 'simulated-human')),
    preference_a double precision NOT NULL CHECK (preference_a BETWEEN 0 AND 1),
    a_first      double precision,
    b_first      double precision,
    a_on_left    boolean,
    created_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, rater)
);

-- An item shown to a rater, with the side A was shown on (randomised, recorded).
CREATE TABLE rating_tasks (
    id          uuid        PRIMARY KEY,
    item_id     uuid        NOT NULL REFERENCES evaluation_items (id),
    rater       text        NOT NULL,
    a_on_left   boolean     NOT NULL,
    state       text        NOT NULL CHECK (state IN ('OPEN', 'RATED', 'SKIPPED')),
    assigned_at timestamptz NOT NULL DEFAULT now(),
    answered_at timestamptz,
    UNIQUE (item_id, rater)
);
CREATE INDEX rating_tasks_by_rater ON rating_tasks (rater, state);
