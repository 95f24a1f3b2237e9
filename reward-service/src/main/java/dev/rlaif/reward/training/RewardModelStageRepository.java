package dev.rlaif.reward.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code reward_model_stages} and {@code training_curves} tables. */
@Repository
public class RewardModelStageRepository {

    private static final TypeReference<TreeMap<String, Double>> METRICS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public RewardModelStageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this call started the attempt, false when the attempt was already recorded */
    public boolean claim(UUID runId, int attempt) {
        return jdbc.sql("""
                        INSERT INTO reward_model_stages (run_id, attempt, status, started_at, heartbeat_at)
                        VALUES (:runId, :attempt, 'RUNNING', now(), now())
                        ON CONFLICT (run_id, attempt) DO NOTHING""")
                .param("runId", runId)
                .param("attempt", attempt)
                .update() == 1;
    }

    /**
     * Takes over an attempt left RUNNING by a process that stopped (no heartbeat for {@code staleAfter}).
     *
     * @return true when this call took it over
     */
    public boolean reclaimIfStale(UUID runId, int attempt, Duration staleAfter) {
        return jdbc.sql("""
                        UPDATE reward_model_stages SET started_at = now(), heartbeat_at = now()
                        WHERE run_id = :runId AND attempt = :attempt AND status = 'RUNNING'
                          AND heartbeat_at < now() - make_interval(secs => :seconds)""")
                .param("runId", runId)
                .param("attempt", attempt)
                .param("seconds", staleAfter.toMillis() / 1000.0)
                .update() == 1;
    }

    /** The attempt is still being worked on. */
    public void heartbeat(UUID runId, int attempt) {
        jdbc.sql("UPDATE reward_model_stages SET heartbeat_at = now() WHERE run_id = :runId AND attempt = :attempt")
                .param("runId", runId)
                .param("attempt", attempt)
                .update();
    }

    public void complete(UUID runId, int attempt, Map<String, Double> metrics, String artifactPath, String sha256) {
        jdbc.sql("""
                        UPDATE reward_model_stages
                        SET status = 'COMPLETED', metrics = CAST(:metrics AS jsonb), artifact_path = :path, sha256 = :sha,
                            finished_at = now()
                        WHERE run_id = :runId AND attempt = :attempt""")
                .param("metrics", json.writeValueAsString(new TreeMap<>(metrics)))
                .param("path", artifactPath)
                .param("sha", sha256)
                .param("runId", runId)
                .param("attempt", attempt)
                .update();
    }

    public void fail(UUID runId, int attempt, String reason) {
        jdbc.sql("""
                        UPDATE reward_model_stages SET status = 'FAILED', reason = :reason, finished_at = now()
                        WHERE run_id = :runId AND attempt = :attempt""")
                .param("reason", reason)
                .param("runId", runId)
                .param("attempt", attempt)
                .update();
    }

    public Optional<StageRecord> find(UUID runId, int attempt) {
        return jdbc.sql("SELECT * FROM reward_model_stages WHERE run_id = :runId AND attempt = :attempt")
                .param("runId", runId)
                .param("attempt", attempt)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The newest attempt of a run, whatever its status. */
    public Optional<StageRecord> latest(UUID runId) {
        return jdbc.sql("SELECT * FROM reward_model_stages WHERE run_id = :runId ORDER BY attempt DESC LIMIT 1")
                .param("runId", runId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The newest completed attempt: the reward model that scores the run. */
    public Optional<StageRecord> latestCompleted(UUID runId) {
        return jdbc.sql("""
                        SELECT * FROM reward_model_stages WHERE run_id = :runId AND status = 'COMPLETED'
                        ORDER BY attempt DESC LIMIT 1""")
                .param("runId", runId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public void saveCurvePoint(UUID runId, int attempt, RewardModelTrainer.StepReport report) {
        jdbc.sql("""
                        INSERT INTO training_curves (run_id, attempt, step, epoch, loss, accuracy, learning_rate)
                        VALUES (:runId, :attempt, :step, :epoch, :loss, :accuracy, :lr)
                        ON CONFLICT (run_id, attempt, step) DO UPDATE
                        SET epoch = EXCLUDED.epoch, loss = EXCLUDED.loss, accuracy = EXCLUDED.accuracy,
                            learning_rate = EXCLUDED.learning_rate""")
                .param("runId", runId)
                .param("attempt", attempt)
                .param("step", report.step())
                .param("epoch", report.epoch())
                .param("loss", report.loss())
                .param("accuracy", report.accuracy())
                .param("lr", report.learningRate())
                .update();
    }

    public List<RewardModelTrainer.StepReport> curve(UUID runId, int attempt) {
        int total = jdbc.sql("SELECT count(*) FROM training_curves WHERE run_id = :runId AND attempt = :attempt")
                .param("runId", runId)
                .param("attempt", attempt)
                .query(Integer.class)
                .single();
        return jdbc.sql("""
                        SELECT step, epoch, loss, accuracy, learning_rate FROM training_curves
                        WHERE run_id = :runId AND attempt = :attempt ORDER BY step""")
                .param("runId", runId)
                .param("attempt", attempt)
                .query((rs, n) -> new RewardModelTrainer.StepReport(rs.getInt("step"), total, rs.getDouble("epoch"),
                        rs.getDouble("loss"), rs.getDouble("accuracy"), rs.getDouble("learning_rate")))
                .list();
    }

    private StageRecord map(ResultSet rs) throws SQLException {
        String metrics = rs.getString("metrics");
        return new StageRecord(
                rs.getObject("run_id", UUID.class),
                rs.getInt("attempt"),
                StageStatus.valueOf(rs.getString("status")),
                metrics == null ? Map.of() : json.readValue(metrics, METRICS),
                rs.getString("artifact_path"),
                rs.getString("sha256"),
                rs.getString("reason"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
