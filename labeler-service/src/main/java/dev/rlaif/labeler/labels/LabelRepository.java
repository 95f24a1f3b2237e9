package dev.rlaif.labeler.labels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code labels} and {@code label_failures} tables. A pair has at most one label per owner. */
@Repository
public class LabelRepository {

    /** Failures of an owner that did not end in a label, by cause. */
    public record FailureCounts(long pairs, Map<String, Long> byCause) {
    }

    private static final String COLUMNS = """
            owner_id, pair_id, external_id, prompt, response_a, response_b, preference, preference_a_first,
            preference_b_first, human_preference, source, model, judge_calls, prompt_tokens, completion_tokens,
            latency_ms, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public LabelRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredLabel> find(UUID ownerId, UUID pairId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM labels WHERE owner_id = :owner AND pair_id = :pair")
                .param("owner", ownerId).param("pair", pairId)
                .query((rs, n) -> map(rs)).optional();
    }

    /** @return true when this call stored the label, false when the pair already had one */
    public boolean insert(StoredLabel label, LabelTrace trace) {
        return jdbc.sql("""
                        INSERT INTO labels (owner_id, pair_id, external_id, prompt, response_a, response_b, preference,
                            preference_a_first, preference_b_first, human_preference, source, model, judge_calls,
                            prompt_tokens, completion_tokens, latency_ms, trace)
                        VALUES (:owner, :pair, :external, :prompt, :a, :b, :preference, :aFirst, :bFirst, :human,
                            :source, :model, :calls, :promptTokens, :completionTokens, :latency, CAST(:trace AS jsonb))
                        ON CONFLICT (owner_id, pair_id) DO NOTHING""")
                .param("owner", label.ownerId())
                .param("pair", label.pairId())
                .param("external", label.externalId())
                .param("prompt", label.prompt())
                .param("a", label.responseA())
                .param("b", label.responseB())
                .param("preference", label.preference())
                .param("aFirst", label.preferenceAFirst())
                .param("bFirst", label.preferenceBFirst())
                .param("human", label.humanPreference())
                .param("source", label.source())
                .param("model", label.model())
                .param("calls", label.judgeCalls())
                .param("promptTokens", label.promptTokens())
                .param("completionTokens", label.completionTokens())
                .param("latency", label.latencyMillis())
                .param("trace", json.writeValueAsString(trace))
                .update() == 1;
    }

    public Optional<JsonNode> trace(UUID ownerId, UUID pairId) {
        return jdbc.sql("SELECT trace::text FROM labels WHERE owner_id = :owner AND pair_id = :pair")
                .param("owner", ownerId).param("pair", pairId)
                .query(String.class).optional().map(json::readTree);
    }

    public List<StoredLabel> page(UUID ownerId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM labels WHERE owner_id = :owner ORDER BY created_at, pair_id "
                        + "OFFSET :offset LIMIT :limit")
                .param("owner", ownerId).param("offset", offset).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    public List<StoredLabel> all(UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM labels WHERE owner_id = :owner ORDER BY created_at, pair_id")
                .param("owner", ownerId)
                .query((rs, n) -> map(rs)).list();
    }

    public long count(UUID ownerId) {
        return jdbc.sql("SELECT count(*) FROM labels WHERE owner_id = :owner").param("owner", ownerId)
                .query(Long.class).single();
    }

    /** Records the latest failure of a pair (a redelivered request that fails again counts another occurrence). */
    public void recordFailure(UUID ownerId, UUID pairId, String cause, String reason) {
        jdbc.sql("""
                        INSERT INTO label_failures (owner_id, pair_id, cause, reason)
                        VALUES (:owner, :pair, :cause, :reason)
                        ON CONFLICT (owner_id, pair_id) DO UPDATE
                        SET cause = EXCLUDED.cause, reason = EXCLUDED.reason,
                            occurrences = label_failures.occurrences + 1, failed_at = now()""")
                .param("owner", ownerId).param("pair", pairId).param("cause", cause).param("reason", reason)
                .update();
    }

    /** Pairs of this owner whose last attempt failed and that have no label. */
    public FailureCounts failures(UUID ownerId) {
        Map<String, Long> byCause = jdbc.sql("""
                        SELECT f.cause, count(*) AS n FROM label_failures f
                        WHERE f.owner_id = :owner
                          AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.owner_id = f.owner_id AND l.pair_id = f.pair_id)
                        GROUP BY f.cause ORDER BY f.cause""")
                .param("owner", ownerId)
                .query((rs, n) -> Map.entry(rs.getString("cause"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new));
        return new FailureCounts(byCause.values().stream().mapToLong(Long::longValue).sum(), byCause);
    }

    private static StoredLabel map(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new StoredLabel(
                rs.getObject("owner_id", UUID.class),
                rs.getObject("pair_id", UUID.class),
                rs.getString("external_id"),
                rs.getString("prompt"),
                rs.getString("response_a"),
                rs.getString("response_b"),
                rs.getDouble("preference"),
                rs.getDouble("preference_a_first"),
                nullableDouble(rs, "preference_b_first"),
                nullableDouble(rs, "human_preference"),
                rs.getString("source"),
                rs.getString("model"),
                rs.getInt("judge_calls"),
                rs.getLong("prompt_tokens"),
                rs.getLong("completion_tokens"),
                rs.getLong("latency_ms"),
                created == null ? null : created.toInstant());
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
