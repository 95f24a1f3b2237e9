package dev.rlaif.reward.scoring;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scoring_requests} table: which Kafka scoring requests have been answered. */
@Repository
public class ScoringRequestRepository {

    private final JdbcClient jdbc;

    public ScoringRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that a request is being answered.
     *
     * @return false when it was answered before (a redelivery), true otherwise (a first delivery, or one
     *     whose earlier handling stopped before its answer was sent)
     */
    public boolean start(UUID requestId, UUID runId) {
        return jdbc.sql("""
                        INSERT INTO scoring_requests (request_id, run_id, status) VALUES (:requestId, :runId, 'STARTED')
                        ON CONFLICT (request_id) DO UPDATE SET status = 'STARTED'
                        WHERE scoring_requests.status = 'STARTED'""")
                .param("requestId", requestId)
                .param("runId", runId)
                .update() == 1;
    }

    public void answered(UUID requestId) {
        jdbc.sql("UPDATE scoring_requests SET status = 'ANSWERED', answered_at = now() WHERE request_id = :requestId")
                .param("requestId", requestId)
                .update();
    }
}
