package dev.rlaif.eval.ratings;

import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.eval.evaluations.EvaluationItem;
import dev.rlaif.eval.evaluations.EvaluationRepository;
import dev.rlaif.eval.evaluations.StoredJudgement;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Hands out rating tasks and records answers. A rater sees each item at most once; which side A is
 * shown on is a coin flip fixed by the evaluation seed, the item and the rater, and is recorded.
 */
@Service
public class RatingService {

    private final JdbcClient jdbc;
    private final EvaluationRepository evaluations;

    public RatingService(JdbcClient jdbc, EvaluationRepository evaluations) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
    }

    /** The rater's open task, or a new one on an item they have not seen; empty when nothing is left. */
    @Transactional
    public Optional<RatingTask> next(String rater, UUID evaluationId) {
        String judge = Raters.judgeOf(rater);
        Optional<UUID> open = jdbc.sql("""
                        SELECT t.id FROM rating_tasks t JOIN evaluation_items i ON i.id = t.item_id
                        WHERE t.rater = :rater AND t.state = 'OPEN'
                          AND (CAST(:evaluation AS uuid) IS NULL OR i.evaluation_id = :evaluation)
                        ORDER BY t.assigned_at LIMIT 1""")
                .param("rater", rater).param("evaluation", evaluationId).query(UUID.class).optional();
        if (open.isPresent()) {
            return Optional.of(view(open.get()));
        }
        // the item of the oldest open evaluation with the fewest verdicts of this judge that the rater has not seen
        Optional<Candidate> item = jdbc.sql("""
                        SELECT i.id, i.position, e.request ->> 'seed' AS seed
                        FROM evaluation_items i JOIN evaluations e ON e.id = i.evaluation_id
                        WHERE e.status IN ('JUDGING', 'COMPLETED')
                          AND (e.request -> 'judges') @> jsonb_build_array(CAST(:judge AS text))
                          AND (CAST(:evaluation AS uuid) IS NULL OR e.id = :evaluation)
                          AND NOT EXISTS (SELECT 1 FROM rating_tasks t WHERE t.item_id = i.id AND t.rater = :rater)
                        ORDER BY e.created_at,
                                 (SELECT count(*) FROM judgements j WHERE j.item_id = i.id AND j.judge = :judge),
                                 i.position
                        LIMIT 1""")
                .param("judge", judge).param("evaluation", evaluationId).param("rater", rater)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("seed")))
                .optional();
        if (item.isEmpty()) {
            return Optional.empty();
        }
        UUID taskId = UUID.nameUUIDFromBytes((item.get().id() + "/rater/" + rater).getBytes(StandardCharsets.UTF_8));
        // the side A is shown on: a coin flip fixed by the evaluation's seed, the item's position and the rater
        UUID flip = UUID.nameUUIDFromBytes((item.get().seed() + "/" + item.get().position() + "/" + rater)
                .getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                        INSERT INTO rating_tasks (id, item_id, rater, a_on_left, state)
                        VALUES (:id, :item, :rater, :aOnLeft, 'OPEN') ON CONFLICT DO NOTHING""")
                .param("id", taskId).param("item", item.get().id()).param("rater", rater)
                .param("aOnLeft", (flip.getLeastSignificantBits() & 1) == 0)
                .update();
        return Optional.of(view(taskId));
    }

    @Transactional
    public RatingResult answer(UUID taskId, String rater, RatingAnswer answer) {
        TaskRow task = task(taskId).orElseThrow(() -> new NotFoundException("Rating task", taskId));
        if (!task.rater().equals(rater)) {
            throw conflict("Task " + taskId + " belongs to another rater");
        }
        if (!task.state().equals("OPEN")) {
            return new RatingResult(taskId, task.state(), false);
        }
        RatingChoice choice = answer.parsedChoice();
        String state = choice == RatingChoice.SKIP ? "SKIPPED" : "RATED";
        if (choice != RatingChoice.SKIP) {
            evaluations.addJudgement(new StoredJudgement(task.itemId(), task.rater(), Raters.judgeOf(task.rater()),
                    choice.preferenceA(task.aOnLeft()), null, null, task.aOnLeft(), null));
        }
        jdbc.sql("UPDATE rating_tasks SET state = :state, answered_at = now() WHERE id = :id AND state = 'OPEN'")
                .param("state", state).param("id", taskId).update();
        return new RatingResult(taskId, state, true);
    }

    private RatingTask view(UUID taskId) {
        TaskRow task = task(taskId).orElseThrow();
        EvaluationItem item = evaluations.item(task.itemId()).orElseThrow();
        String name = jdbc.sql("SELECT name FROM evaluations WHERE id = :id").param("id", item.evaluationId())
                .query(String.class).single();
        int total = jdbc.sql("SELECT count(*) FROM evaluation_items WHERE evaluation_id = :id")
                .param("id", item.evaluationId()).query(Integer.class).single();
        int answered = jdbc.sql("""
                        SELECT count(*) FROM rating_tasks t JOIN evaluation_items i ON i.id = t.item_id
                        WHERE i.evaluation_id = :id AND t.rater = :rater AND t.state <> 'OPEN'""")
                .param("id", item.evaluationId()).param("rater", task.rater()).query(Integer.class).single();
        String left = task.aOnLeft() ? item.responseA() : item.responseB();
        String right = task.aOnLeft() ? item.responseB() : item.responseA();
        return new RatingTask(taskId, item.evaluationId(), name, item.prompt(), left, right,
                new RatingTask.Progress(answered, total));
    }

    private Optional<TaskRow> task(UUID taskId) {
        return jdbc.sql("SELECT item_id, rater, a_on_left, state FROM rating_tasks WHERE id = :id")
                .param("id", taskId)
                .query((rs, n) -> new TaskRow(rs.getObject("item_id", UUID.class), rs.getString("rater"),
                        rs.getBoolean("a_on_left"), rs.getString("state")))
                .optional();
    }

    private static ErrorResponseException conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    private record Candidate(UUID id, int position, String seed) {
    }

    private record TaskRow(UUID itemId, String rater, boolean aOnLeft, String state) {
    }
}
