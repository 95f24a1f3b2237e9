package dev.rlaif.common.knownruns;

import dev.rlaif.common.events.RunCancelled;
import dev.rlaif.common.events.RunSubmitted;
import dev.rlaif.common.spec.RunSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code known_runs} table of the service's own schema (created by the shared migration
 * {@code db/migration/common/V1__known_runs.sql}). Writes are idempotent: replaying an event changes nothing.
 */
public class KnownRunRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public KnownRunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return true when this call recorded the run, false when it was already known */
    public boolean remember(RunSubmitted event) {
        int inserted = jdbc.sql("""
                        INSERT INTO known_runs (run_id, name, spec, submitted_at, first_seen_at)
                        VALUES (:runId, :name, CAST(:spec AS jsonb), :submittedAt, now())
                        ON CONFLICT (run_id) DO NOTHING""")
                .param("runId", event.runId())
                .param("name", event.spec().name())
                .param("spec", json.writeValueAsString(event.spec()))
                .param("submittedAt", Timestamp.from(event.submittedAt()))
                .update();
        return inserted == 1;
    }

    public void markCancelled(RunCancelled event) {
        jdbc.sql("UPDATE known_runs SET cancelled_at = COALESCE(cancelled_at, :at) WHERE run_id = :runId")
                .param("at", Timestamp.from(event.cancelledAt()))
                .param("runId", event.runId())
                .update();
    }

    public Optional<KnownRun> find(UUID runId) {
        return jdbc.sql("SELECT * FROM known_runs WHERE run_id = :runId")
                .param("runId", runId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public List<KnownRun> recent(int limit) {
        return jdbc.sql("SELECT * FROM known_runs ORDER BY first_seen_at DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    private KnownRun map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new KnownRun(
                rs.getObject("run_id", UUID.class),
                rs.getString("name"),
                json.readValue(rs.getString("spec"), RunSpec.class),
                instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("first_seen_at")),
                instant(rs.getTimestamp("cancelled_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
