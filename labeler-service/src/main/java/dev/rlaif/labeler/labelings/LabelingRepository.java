package dev.rlaif.labeler.labelings;

import dev.rlaif.common.events.EventIds;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.labeler.labels.PairToLabel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The {@code labelings} and {@code labeling_pairs} tables; progress is counted from {@code labels} and {@code label_failures}. */
@Repository
public class LabelingRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public LabelingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The pair's id in the labels table: derived from the job and the pair's own id, so it is stable. */
    static UUID pairId(UUID labelingId, String externalId) {
        return EventIds.derive(labelingId, "pair/" + externalId);
    }

    @Transactional
    public void create(UUID id, LabelingRequest request, List<PairsJsonl.InputPair> pairs) {
        jdbc.sql("""
                        INSERT INTO labelings (id, name, status, labeling, seed, total)
                        VALUES (:id, :name, 'RUNNING', CAST(:labeling AS jsonb), :seed, :total)""")
                .param("id", id).param("name", request.name())
                .param("labeling", json.writeValueAsString(request.labeling()))
                .param("seed", request.seed()).param("total", pairs.size())
                .update();
        int seq = 0;
        for (PairsJsonl.InputPair pair : pairs) {
            jdbc.sql("""
                            INSERT INTO labeling_pairs (labeling_id, seq, pair_id, external_id, prompt, response_a,
                                response_b, human_preference)
                            VALUES (:id, :seq, :pair, :external, :prompt, :a, :b, :human)""")
                    .param("id", id).param("seq", seq++).param("pair", pairId(id, pair.id()))
                    .param("external", pair.id()).param("prompt", pair.prompt())
                    .param("a", pair.responseA()).param("b", pair.responseB()).param("human", pair.humanPreference())
                    .update();
        }
    }

    public Optional<Labeling> find(UUID id) {
        return jdbc.sql("""
                        SELECT j.*,
                          (SELECT count(*) FROM labels l WHERE l.owner_id = j.id) AS labeled,
                          (SELECT count(*) FROM label_failures f WHERE f.owner_id = j.id
                             AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.owner_id = f.owner_id AND l.pair_id = f.pair_id)) AS failed
                        FROM labelings j WHERE j.id = :id""")
                .param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    public List<UUID> running() {
        return jdbc.sql("SELECT id FROM labelings WHERE status = 'RUNNING' ORDER BY created_at").query(UUID.class).list();
    }

    /** Pairs of the job that have neither a label nor a failure from this attempt, in input order. */
    public List<PairToLabel> unlabeled(UUID id) {
        Labeling job = find(id).orElseThrow();
        return jdbc.sql("""
                        SELECT p.* FROM labeling_pairs p
                        WHERE p.labeling_id = :id
                          AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.owner_id = p.labeling_id AND l.pair_id = p.pair_id)
                        ORDER BY p.seq""")
                .param("id", id)
                .query((rs, n) -> new PairToLabel(id, rs.getObject("pair_id", UUID.class), rs.getString("external_id"),
                        rs.getString("prompt"), rs.getString("response_a"), rs.getString("response_b"),
                        nullableDouble(rs, "human_preference"), job.labeling(), job.seed()))
                .list();
    }

    public void finish(UUID id) {
        jdbc.sql("UPDATE labelings SET status = 'COMPLETED', finished_at = now() WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).update();
    }

    private Labeling map(ResultSet rs) throws SQLException {
        int total = rs.getInt("total");
        long labeled = rs.getLong("labeled");
        long failed = rs.getLong("failed");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Labeling(rs.getObject("id", UUID.class), rs.getString("name"),
                LabelingStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("labeling"), LabelingSpec.class), rs.getLong("seed"), total, labeled, failed,
                total == 0 ? 1.0 : Math.min(1.0, (double) (labeled + failed) / total),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
