package dev.rlaif.eval.evaluations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The evaluations, their items and their judgements. Every write is idempotent (upserts on natural keys). */
@Repository
public class EvaluationRepository {

    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EvaluationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return true when this call created the evaluation, false when one with this id (or run attempt) existed */
    public boolean create(UUID id, UUID runId, Integer attempt, EvaluationRequest request) {
        return jdbc.sql("""
                        INSERT INTO evaluations (id, run_id, attempt, name, request, status)
                        VALUES (:id, :runId, :attempt, :name, CAST(:request AS jsonb), 'QUEUED')
                        ON CONFLICT DO NOTHING""")
                .param("id", id)
                .param("runId", runId)
                .param("attempt", attempt)
                .param("name", request.name())
                .param("request", json.writeValueAsString(request))
                .update() == 1;
    }

    public Optional<Evaluation> find(UUID id) {
        return jdbc.sql("SELECT * FROM evaluations WHERE id = :id").param("id", id).query(this::evaluation).optional();
    }

    public Optional<Evaluation> findByRun(UUID runId, int attempt) {
        return jdbc.sql("SELECT * FROM evaluations WHERE run_id = :runId AND attempt = :attempt")
                .param("runId", runId).param("attempt", attempt).query(this::evaluation).optional();
    }

    public Optional<Evaluation> latestForRun(UUID runId) {
        return jdbc.sql("SELECT * FROM evaluations WHERE run_id = :runId ORDER BY attempt DESC NULLS LAST, created_at DESC LIMIT 1")
                .param("runId", runId).query(this::evaluation).optional();
    }

    public List<Evaluation> recent(int limit) {
        return jdbc.sql("SELECT * FROM evaluations ORDER BY created_at DESC LIMIT :limit")
                .param("limit", limit).query(this::evaluation).list();
    }

    public List<Evaluation> unfinished() {
        return jdbc.sql("SELECT * FROM evaluations WHERE status IN ('QUEUED', 'GENERATING', 'JUDGING') ORDER BY created_at")
                .query(this::evaluation).list();
    }

    public void status(UUID id, EvaluationStatus status) {
        jdbc.sql("UPDATE evaluations SET status = :status, updated_at = now() WHERE id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    /** Marks the evaluation as alive (progress was made), so that it is not taken for stale. */
    public void touch(UUID id) {
        jdbc.sql("UPDATE evaluations SET updated_at = now() WHERE id = :id").param("id", id).update();
    }

    public void complete(UUID id, Map<String, Double> metrics) {
        jdbc.sql("""
                        UPDATE evaluations SET status = 'COMPLETED', metrics = CAST(:metrics AS jsonb),
                               updated_at = now(), completed_at = now()
                        WHERE id = :id AND status <> 'COMPLETED'""")
                .param("metrics", json.writeValueAsString(metrics)).param("id", id).update();
    }

    public void fail(UUID id, String reason) {
        jdbc.sql("""
                        UPDATE evaluations SET status = 'FAILED', failure_reason = :reason, updated_at = now(), completed_at = now()
                        WHERE id = :id AND status <> 'COMPLETED'""")
                .param("reason", reason).param("id", id).update();
    }

    public void addItem(EvaluationItem item) {
        jdbc.sql("""
                        INSERT INTO evaluation_items (id, evaluation_id, position, prompt_id, prompt, response_a, response_b)
                        VALUES (:id, :evaluationId, :position, :promptId, :prompt, :a, :b)
                        ON CONFLICT DO NOTHING""")
                .param("id", item.id()).param("evaluationId", item.evaluationId()).param("position", item.position())
                .param("promptId", item.promptId()).param("prompt", item.prompt())
                .param("a", item.responseA()).param("b", item.responseB())
                .update();
    }

    public List<EvaluationItem> items(UUID evaluationId) {
        return jdbc.sql("SELECT * FROM evaluation_items WHERE evaluation_id = :id ORDER BY position")
                .param("id", evaluationId)
                .query((rs, n) -> new EvaluationItem(rs.getObject("id", UUID.class), rs.getObject("evaluation_id", UUID.class),
                        rs.getInt("position"), rs.getString("prompt_id"), rs.getString("prompt"),
                        rs.getString("response_a"), rs.getString("response_b")))
                .list();
    }

    public Optional<EvaluationItem> item(UUID itemId) {
        return jdbc.sql("SELECT * FROM evaluation_items WHERE id = :id")
                .param("id", itemId)
                .query((rs, n) -> new EvaluationItem(rs.getObject("id", UUID.class), rs.getObject("evaluation_id", UUID.class),
                        rs.getInt("position"), rs.getString("prompt_id"), rs.getString("prompt"),
                        rs.getString("response_a"), rs.getString("response_b")))
                .optional();
    }

    /** @return true when stored, false when this rater had already judged the item (the first verdict stands) */
    public boolean addJudgement(StoredJudgement j) {
        return jdbc.sql("""
                        INSERT INTO judgements (item_id, rater, judge, preference_a, a_first, b_first, a_on_left)
                        VALUES (:itemId, :rater, :judge, :preferenceA, :aFirst, :bFirst, :aOnLeft)
                        ON CONFLICT DO NOTHING""")
                .param("itemId", j.itemId()).param("rater", j.rater()).param("judge", j.judge())
                .param("preferenceA", j.preferenceA()).param("aFirst", j.aFirst()).param("bFirst", j.bFirst())
                .param("aOnLeft", j.aOnLeft())
                .update() == 1;
    }

    public List<StoredJudgement> judgements(UUID evaluationId) {
        return jdbc.sql("""
                        SELECT j.* FROM judgements j JOIN evaluation_items i ON i.id = j.item_id
                        WHERE i.evaluation_id = :id ORDER BY i.position, j.rater""")
                .param("id", evaluationId)
                .query((rs, n) -> new StoredJudgement(rs.getObject("item_id", UUID.class), rs.getString("rater"),
                        rs.getString("judge"), rs.getDouble("preference_a"), nullableDouble(rs, "a_first"),
                        nullableDouble(rs, "b_first"), (Boolean) rs.getObject("a_on_left"), instant(rs.getTimestamp("created_at"))))
                .list();
    }

    private Evaluation evaluation(ResultSet rs, int row) throws SQLException {
        String metrics = rs.getString("metrics");
        return new Evaluation(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                (Integer) rs.getObject("attempt"),
                rs.getString("name"),
                json.readValue(rs.getString("request"), EvaluationRequest.class),
                EvaluationStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"),
                metrics == null ? null : json.readValue(metrics, METRICS),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("completed_at")));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
