package dev.rlaif.eval.dashboard;

import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.knownruns.KnownRun;
import dev.rlaif.common.knownruns.KnownRunRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's tables {@code run_stages} and {@code run_progress}, written from the stage and
 * progress events, and the run summaries read from them together with {@code known_runs}.
 * A run's status is derived: CANCELLED, FAILED (a stage failed), SUCCEEDED (EVALUATE completed),
 * RUNNING (some stage requested) or SUBMITTED.
 */
@Repository
public class RunBoard {

    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final KnownRunRepository runs;

    public RunBoard(JdbcClient jdbc, JsonMapper json, KnownRunRepository runs) {
        this.jdbc = jdbc;
        this.json = json;
        this.runs = runs;
    }

    /** One stage attempt as the dashboard shows it. */
    public record StageRow(String stage, int attempt, String status, Map<String, Double> metrics, String reason,
                           Instant updatedAt, long step, long totalSteps) {
    }

    /** One progress report: a point of a training curve. */
    public record ProgressPoint(String stage, long step, long totalSteps, Map<String, Double> metrics, Instant at) {
    }

    /** A run in the list. */
    public record RunSummary(UUID id, String name, String status, String currentStage, double stageProgress,
                             Instant submittedAt, Instant updatedAt) {
    }

    /** A run's page: its summary, spec, stage timeline and curves. */
    public record RunDetail(RunSummary run, KnownRun known, List<StageRow> stages, List<ProgressPoint> progress) {
    }

    void requested(StageRequested event) {
        jdbc.sql("""
                        INSERT INTO run_stages (run_id, stage, attempt, status, updated_at)
                        VALUES (:runId, :stage, :attempt, 'REQUESTED', now()) ON CONFLICT DO NOTHING""")
                .param("runId", event.runId()).param("stage", event.stage().name()).param("attempt", event.attempt())
                .update();
    }

    void completed(StageCompleted event) {
        jdbc.sql("""
                        INSERT INTO run_stages (run_id, stage, attempt, status, metrics, updated_at)
                        VALUES (:runId, :stage, :attempt, 'COMPLETED', CAST(:metrics AS jsonb), now())
                        ON CONFLICT (run_id, stage, attempt) DO UPDATE
                        SET status = 'COMPLETED', metrics = EXCLUDED.metrics, updated_at = now()
                        WHERE run_stages.status <> 'COMPLETED'""")
                .param("runId", event.runId()).param("stage", event.stage().name()).param("attempt", event.attempt())
                .param("metrics", json.writeValueAsString(event.metrics()))
                .update();
    }

    void failed(StageFailed event) {
        jdbc.sql("""
                        INSERT INTO run_stages (run_id, stage, attempt, status, reason, updated_at)
                        VALUES (:runId, :stage, :attempt, 'FAILED', :reason, now())
                        ON CONFLICT (run_id, stage, attempt) DO UPDATE
                        SET status = 'FAILED', reason = EXCLUDED.reason, updated_at = now()
                        WHERE run_stages.status NOT IN ('COMPLETED', 'FAILED')""")
                .param("runId", event.runId()).param("stage", event.stage().name()).param("attempt", event.attempt())
                .param("reason", event.reason())
                .update();
    }

    void progress(RunProgress event) {
        jdbc.sql("""
                        INSERT INTO run_progress (run_id, stage, step, total_steps, metrics, at)
                        VALUES (:runId, :stage, :step, :total, CAST(:metrics AS jsonb), :at) ON CONFLICT DO NOTHING""")
                .param("runId", event.runId()).param("stage", event.stage().name()).param("step", event.step())
                .param("total", event.totalSteps()).param("metrics", json.writeValueAsString(finite(event.metrics())))
                .param("at", Timestamp.from(event.at()))
                .update();
        jdbc.sql("""
                        UPDATE run_stages SET status = 'RUNNING', updated_at = now()
                        WHERE run_id = :runId AND stage = :stage AND status = 'REQUESTED'""")
                .param("runId", event.runId()).param("stage", event.stage().name()).update();
    }

    public List<RunSummary> runs(int limit) {
        return runs.recent(limit).stream().map(run -> summary(run, stages(run.runId()))).toList();
    }

    public Optional<RunDetail> run(UUID runId) {
        return runs.find(runId).map(run -> {
            List<StageRow> stages = stages(runId);
            return new RunDetail(summary(run, stages), run, stages, progress(runId));
        });
    }

    private RunSummary summary(KnownRun run, List<StageRow> stages) {
        StageRow latest = stages.isEmpty() ? null : stages.getLast();
        String status;
        if (run.cancelledAt() != null) {
            status = "CANCELLED";
        } else if (latest == null) {
            status = "SUBMITTED";
        } else if (latest.status().equals("FAILED")) {
            status = "FAILED";
        } else if (latest.stage().equals("EVALUATE") && latest.status().equals("COMPLETED")) {
            status = "SUCCEEDED";
        } else {
            status = "RUNNING";
        }
        double fraction = latest == null ? 0
                : latest.status().equals("COMPLETED") ? 1
                : latest.totalSteps() <= 0 ? 0 : Math.min(1.0, (double) latest.step() / latest.totalSteps());
        Instant updated = latest == null ? run.firstSeenAt() : latest.updatedAt();
        return new RunSummary(run.runId(), run.name(), status, latest == null ? null : latest.stage(), fraction,
                run.submittedAt(), updated);
    }

    /** Stage attempts in the order they happened, each with its latest progress. */
    private List<StageRow> stages(UUID runId) {
        return jdbc.sql("""
                        SELECT s.*, p.step, p.total_steps FROM run_stages s
                        LEFT JOIN LATERAL (SELECT step, total_steps FROM run_progress r
                                           WHERE r.run_id = s.run_id AND r.stage = s.stage ORDER BY step DESC LIMIT 1) p ON true
                        WHERE s.run_id = :runId ORDER BY s.updated_at, s.attempt""")
                .param("runId", runId)
                .query((rs, n) -> new StageRow(rs.getString("stage"), rs.getInt("attempt"), rs.getString("status"),
                        metrics(rs.getString("metrics")), rs.getString("reason"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("step"), rs.getLong("total_steps")))
                .list();
    }

    private List<ProgressPoint> progress(UUID runId) {
        return jdbc.sql("SELECT * FROM run_progress WHERE run_id = :runId ORDER BY at, step")
                .param("runId", runId)
                .query((rs, n) -> new ProgressPoint(rs.getString("stage"), rs.getLong("step"), rs.getLong("total_steps"),
                        metrics(rs.getString("metrics")), rs.getTimestamp("at").toInstant()))
                .list();
    }

    private Map<String, Double> metrics(String value) {
        return value == null ? Map.of() : json.readValue(value, METRICS);
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

}
