package dev.rlaif.trainer.labels;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pairs sampled for labeling and the state of their AI label: PENDING, LABELED or FAILED. */
@Repository
public class SampledPairs {

    /** A pair as stored. */
    public record Pair(UUID pairId, UUID runId, String prompt, String responseA, String responseB, Double humanPreference,
                       String status, Double aiPreference) {
    }

    /** How far labeling of a run has come. */
    public record Counts(long total, long labeled, long failed) {

        public long done() {
            return labeled + failed;
        }
    }

    private final JdbcClient jdbc;

    public SampledPairs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Pair pair) {
        jdbc.sql("""
                        INSERT INTO sampled_pairs (pair_id, run_id, prompt, response_a, response_b, human_preference, status, updated_at)
                        VALUES (:pairId, :runId, :prompt, :a, :b, :human, 'PENDING', now()) ON CONFLICT (pair_id) DO NOTHING""")
                .param("pairId", pair.pairId()).param("runId", pair.runId()).param("prompt", pair.prompt())
                .param("a", pair.responseA()).param("b", pair.responseB()).param("human", pair.humanPreference())
                .update();
    }

    /**
     * @return true if this call recorded the label; replays change nothing, and a label that arrives after a
     *         failure (the labeler retried a redelivered request) replaces the failure
     */
    public boolean labeled(UUID pairId, double preference, Instant at) {
        return jdbc.sql("""
                        UPDATE sampled_pairs SET status = 'LABELED', ai_preference = :p, failure_reason = NULL, updated_at = :at
                        WHERE pair_id = :pairId AND status IN ('PENDING', 'FAILED')""")
                .param("p", preference).param("at", Timestamp.from(at)).param("pairId", pairId).update() == 1;
    }

    public boolean failed(UUID pairId, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE sampled_pairs SET status = 'FAILED', failure_reason = :reason, updated_at = :at
                        WHERE pair_id = :pairId AND status = 'PENDING'""")
                .param("reason", reason).param("at", Timestamp.from(at)).param("pairId", pairId).update() == 1;
    }

    public Counts counts(UUID runId) {
        return jdbc.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE status = 'LABELED') AS labeled,
                               count(*) FILTER (WHERE status = 'FAILED') AS failed
                        FROM sampled_pairs WHERE run_id = :runId""")
                .param("runId", runId)
                .query((rs, n) -> new Counts(rs.getLong("total"), rs.getLong("labeled"), rs.getLong("failed")))
                .single();
    }

    public List<Pair> labeledPairs(UUID runId) {
        return jdbc.sql("SELECT * FROM sampled_pairs WHERE run_id = :runId AND status = 'LABELED' ORDER BY pair_id")
                .param("runId", runId)
                .query((rs, n) -> new Pair(rs.getObject("pair_id", UUID.class), rs.getObject("run_id", UUID.class),
                        rs.getString("prompt"), rs.getString("response_a"), rs.getString("response_b"),
                        (Double) rs.getObject("human_preference"), rs.getString("status"), (Double) rs.getObject("ai_preference")))
                .list();
    }
}
