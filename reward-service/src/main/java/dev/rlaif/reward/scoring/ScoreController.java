package dev.rlaif.reward.scoring;

import dev.rlaif.common.events.ScoringItem;
import dev.rlaif.judge.client.JudgeException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ad-hoc scoring over REST: the same path as the Kafka requests of the RL loop. */
@RestController
@RequestMapping("/api/score")
public class ScoreController {

    /** Score {@code items} with run {@code runId}'s reward. */
    public record ScoreRequest(@NotNull UUID runId, @NotEmpty @Size(max = 4096) List<@NotNull @Valid Item> items) {
    }

    public record Item(@NotNull String prompt, @NotNull String response) {
    }

    private final ScoringService scoring;

    public ScoreController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @PostMapping
    public ScoringService.Scores score(@Valid @RequestBody ScoreRequest request) {
        return scoring.score(request.runId(),
                request.items().stream().map(item -> new ScoringItem(item.prompt(), item.response())).toList(), "rest");
    }

    /** Direct RLAIF: the run's judge still failed after its retries (or its circuit is open). */
    @ExceptionHandler(JudgeException.class)
    ResponseEntity<ProblemDetail> judgeFailed(JudgeException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        body.setTitle("Judge unavailable");
        body.setProperty("failure", e.failure().name());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
    }
}
