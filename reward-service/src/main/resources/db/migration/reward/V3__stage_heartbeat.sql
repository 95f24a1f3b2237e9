-- A training attempt touches heartbeat_at while it works; a RUNNING attempt whose heartbeat is stale was
-- orphaned by a crash or restart, and a redelivered command may start it again.
ALTER TABLE reward_model_stages ADD COLUMN heartbeat_at timestamptz;
UPDATE reward_model_stages SET heartbeat_at = coalesce(finished_at, started_at);
ALTER TABLE reward_model_stages ALTER COLUMN heartbeat_at SET NOT NULL;
