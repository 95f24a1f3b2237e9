package dev.rlaif.reward.labels;

import dev.rlaif.common.events.LabelFailed;
import dev.rlaif.common.events.LabelProduced;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code labels}, {@code label_failures} and {@code label_stage_counts} tables; every write is idempotent. */
@Repository
public class LabelRepository {

    /** Counts of one run's labels as this service holds them. */
    public record LabelCounts(long labels, long withHumanPreference, long failed) {
    }

    private final JdbcClient jdbc;

    public LabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this call stored the label, false when it was already there */
    public boolean save(LabelProduced label) {
        return jdbc.sql("""
                        INSERT INTO labels (run_id, pair_id, prompt, response_a, response_b, preference, human_preference)
                        VALUES (:runId, :pairId, :prompt, :responseA, :responseB, :preference, :humanPreference)
                        ON CONFLICT (run_id, pair_id) DO NOTHING""")
                .param("runId", label.runId())
                .param("pairId", label.pairId())
                .param("prompt", label.prompt())
                .param("responseA", label.responseA())
                .param("responseB", label.responseB())
                .param("preference", label.preference())
                .param("humanPreference", label.humanPreference(), Types.DOUBLE)
                .update() == 1;
    }

    public boolean saveFailure(LabelFailed failure) {
        return jdbc.sql("""
                        INSERT INTO label_failures (run_id, pair_id, reason) VALUES (:runId, :pairId, :reason)
                        ON CONFLICT (run_id, pair_id) DO NOTHING""")
                .param("runId", failure.runId())
                .param("pairId", failure.pairId())
                .param("reason", failure.reason())
                .update() == 1;
    }

    /** Every label of a run in pair-id order, so that a split drawn from them is reproducible. */
    public List<StoredLabel> forRun(UUID runId) {
        return jdbc.sql("""
                        SELECT run_id, pair_id, prompt, response_a, response_b, preference, human_preference
                        FROM labels WHERE run_id = :runId ORDER BY pair_id""")
                .param("runId", runId)
                .query((rs, n) -> new StoredLabel(
                        rs.getObject("run_id", UUID.class),
                        rs.getObject("pair_id", UUID.class),
                        rs.getString("prompt"),
                        rs.getString("response_a"),
                        rs.getString("response_b"),
                        rs.getDouble("preference"),
                        rs.getObject("human_preference", Double.class)))
                .list();
    }

    public LabelCounts counts(UUID runId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM labels WHERE run_id = :runId) AS labels,
                               (SELECT count(*) FROM labels WHERE run_id = :runId AND human_preference IS NOT NULL) AS human,
                               (SELECT count(*) FROM label_failures WHERE run_id = :runId) AS failed""")
                .param("runId", runId)
                .query((rs, n) -> new LabelCounts(rs.getLong("labels"), rs.getLong("human"), rs.getLong("failed")))
                .single();
    }

    /** Remembers how many labels the LABEL stage reported for a run (the latest report wins). */
    public void expect(UUID runId, int labeled) {
        jdbc.sql("""
                        INSERT INTO label_stage_counts (run_id, labeled) VALUES (:runId, :labeled)
                        ON CONFLICT (run_id) DO UPDATE SET labeled = EXCLUDED.labeled""")
                .param("runId", runId)
                .param("labeled", labeled)
                .update();
    }

    public Optional<Integer> expected(UUID runId) {
        return jdbc.sql("SELECT labeled FROM label_stage_counts WHERE run_id = :runId")
                .param("runId", runId)
                .query(Integer.class)
                .optional();
    }
}
