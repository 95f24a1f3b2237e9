package dev.rlaif.trainer.orchestration;

import dev.rlaif.common.events.Stage;
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

/** The {@code run_stages} table. Every status change is conditional on the current status, so replays change nothing. */
@Repository
public class RunStages {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RunStages(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public boolean begin(UUID runId, Stage stage, int attempt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO run_stages (run_id, stage, attempt, status, started_at)
                        VALUES (:runId, :stage, :attempt, 'RUNNING', :now) ON CONFLICT DO NOTHING""")
                .param("runId", runId).param("stage", stage.name()).param("attempt", attempt).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** @return true if this call moved the attempt from RUNNING to {@code status} */
    public boolean finish(UUID runId, Stage stage, int attempt, StageStatus status, Map<String, Double> metrics,
                          Map<String, String> artifacts, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE run_stages SET status = :status, finished_at = :now, metrics = CAST(:metrics AS jsonb),
                               artifacts = CAST(:artifacts AS jsonb), reason = :reason
                        WHERE run_id = :runId AND stage = :stage AND attempt = :attempt AND status = 'RUNNING'""")
                .param("status", status.name()).param("now", Timestamp.from(now))
                .param("metrics", json.writeValueAsString(metrics)).param("artifacts", json.writeValueAsString(artifacts))
                .param("reason", reason)
                .param("runId", runId).param("stage", stage.name()).param("attempt", attempt)
                .update() == 1;
    }

    public void cancelRunning(UUID runId, Instant now) {
        jdbc.sql("UPDATE run_stages SET status = 'CANCELLED', finished_at = :now WHERE run_id = :runId AND status = 'RUNNING'")
                .param("now", Timestamp.from(now)).param("runId", runId).update();
    }

    public Optional<StageRecord> find(UUID runId, Stage stage, int attempt) {
        return jdbc.sql("SELECT * FROM run_stages WHERE run_id = :runId AND stage = :stage AND attempt = :attempt")
                .param("runId", runId).param("stage", stage.name()).param("attempt", attempt)
                .query((rs, n) -> map(rs)).optional();
    }

    public Optional<StageRecord> running(UUID runId) {
        return jdbc.sql("SELECT * FROM run_stages WHERE run_id = :runId AND status = 'RUNNING' ORDER BY started_at DESC LIMIT 1")
                .param("runId", runId).query((rs, n) -> map(rs)).optional();
    }

    public List<StageRecord> timeline(UUID runId) {
        return jdbc.sql("SELECT * FROM run_stages WHERE run_id = :runId ORDER BY started_at, attempt")
                .param("runId", runId).query((rs, n) -> map(rs)).list();
    }

    private StageRecord map(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new StageRecord(
                rs.getObject("run_id", UUID.class),
                Stage.valueOf(rs.getString("stage")),
                rs.getInt("attempt"),
                StageStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                json.readValue(rs.getString("metrics"), new TypeReference<Map<String, Double>>() { }),
                json.readValue(rs.getString("artifacts"), new TypeReference<Map<String, String>>() { }),
                rs.getString("reason"));
    }
}
