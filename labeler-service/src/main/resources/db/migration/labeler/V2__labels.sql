-- AI preference labels. owner_id is the run (labels requested over Kafka) or the labeling job
-- (POST /api/labelings); a pair is labeled at most once per owner.
CREATE TABLE labels (
    owner_id           uuid             NOT NULL,
    pair_id            uuid             NOT NULL,
    external_id        text,
    prompt             text             NOT NULL,
    response_a         text             NOT NULL,
    response_b         text             NOT NULL,
    preference         double precision NOT NULL CHECK (preference BETWEEN 0 AND 1),
    preference_a_first double precision NOT NULL,
    preference_b_first double precision,
    human_preference   double precision,
    source             text             NOT NULL,
    model              text             NOT NULL,
    judge_calls        integer          NOT NULL,
    prompt_tokens      bigint           NOT NULL,
    completion_tokens  bigint           NOT NULL,
    latency_ms         bigint           NOT NULL,
    trace              jsonb            NOT NULL,
    created_at         timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, pair_id)
);

-- The last failure of a pair that could not be labeled after the judge's retries; never a label.
CREATE TABLE label_failures (
    owner_id    uuid        NOT NULL,
    pair_id     uuid        NOT NULL,
    cause       text        NOT NULL,
    reason      text        NOT NULL,
    occurrences integer     NOT NULL DEFAULT 1,
    failed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, pair_id)
);

-- Labeling jobs outside a run: the pairs to label and the settings to label them with.
CREATE TABLE labelings (
    id          uuid        PRIMARY KEY,
    name        text,
    status      text        NOT NULL,
    labeling    jsonb       NOT NULL,
    seed        bigint      NOT NULL,
    total       integer     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);

CREATE TABLE labeling_pairs (
    labeling_id      uuid             NOT NULL REFERENCES labelings (id) ON DELETE CASCADE,
    seq              integer          NOT NULL,
    pair_id          uuid             NOT NULL,
    external_id      text             NOT NULL,
    prompt           text             NOT NULL,
    response_a       text             NOT NULL,
    response_b       text             NOT NULL,
    human_preference double precision,
    PRIMARY KEY (labeling_id, seq),
    UNIQUE (labeling_id, pair_id)
);
CREATE INDEX labelings_running ON labelings (status) WHERE status = 'RUNNING';
