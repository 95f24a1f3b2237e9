package dev.rlaif.trainer.progress;

import dev.rlaif.common.events.RunProgress;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The run's latest progress ({@code run_progress}) and its metric time series ({@code run_metrics}). */
@Repository
public class RunTelemetry {

    /** One point of a metric's time series. */
    public record MetricPoint(String stage, long step, String name, double value) {
    }

    /** Where the current stage is. */
    public record Progress(String stage, long step, long totalSteps, java.time.Instant updatedAt) {

        public double fraction() {
            return totalSteps <= 0 ? 0.0 : Math.min(1.0, (double) step / totalSteps);
        }
    }

    private final JdbcClient jdbc;

    public RunTelemetry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: a redelivered progress event rewrites the same rows. Events of runs this service does not own are ignored. */
    @Transactional
    public boolean record(RunProgress event) {
        if (jdbc.sql("SELECT count(*) FROM runs WHERE id = :runId").param("runId", event.runId()).query(Long.class).single() == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO run_progress (run_id, stage, step, total_steps, updated_at)
                        VALUES (:runId, :stage, :step, :total, :at)
                        ON CONFLICT (run_id) DO UPDATE SET stage = EXCLUDED.stage, step = EXCLUDED.step,
                               total_steps = EXCLUDED.total_steps, updated_at = EXCLUDED.updated_at
                        WHERE run_progress.updated_at <= EXCLUDED.updated_at""")
                .param("runId", event.runId()).param("stage", event.stage().name()).param("step", event.step())
                .param("total", event.totalSteps()).param("at", Timestamp.from(event.at()))
                .update();
        for (Map.Entry<String, Double> metric : event.metrics().entrySet()) {
            if (metric.getValue() == null || !Double.isFinite(metric.getValue())) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO run_metrics (run_id, stage, step, name, value, recorded_at)
                            VALUES (:runId, :stage, :step, :name, :value, :at)
                            ON CONFLICT (run_id, stage, step, name) DO UPDATE SET value = EXCLUDED.value""")
                    .param("runId", event.runId()).param("stage", event.stage().name()).param("step", event.step())
                    .param("name", metric.getKey()).param("value", metric.getValue()).param("at", Timestamp.from(event.at()))
                    .update();
        }
        return true;
    }

    public Optional<Progress> progress(UUID runId) {
        return jdbc.sql("SELECT stage, step, total_steps, updated_at FROM run_progress WHERE run_id = :runId")
                .param("runId", runId)
                .query((rs, n) -> new Progress(rs.getString("stage"), rs.getLong("step"), rs.getLong("total_steps"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public List<MetricPoint> series(UUID runId, String stage) {
        return jdbc.sql("""
                        SELECT stage, step, name, value FROM run_metrics WHERE run_id = :runId
                        AND (CAST(:stage AS text) IS NULL OR stage = :stage) ORDER BY recorded_at, step, name""")
                .param("runId", runId).param("stage", stage)
                .query((rs, n) -> new MetricPoint(rs.getString("stage"), rs.getLong("step"), rs.getString("name"), rs.getDouble("value")))
                .list();
    }

    /** The most recent value of each metric. */
    public Map<String, Double> latest(UUID runId) {
        Map<String, Double> latest = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (name) name, value FROM run_metrics WHERE run_id = :runId
                        ORDER BY name, recorded_at DESC, step DESC""")
                .param("runId", runId)
                .query(rs -> {
                    latest.put(rs.getString("name"), rs.getDouble("value"));
                });
        return latest;
    }
}
