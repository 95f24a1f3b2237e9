package dev.rlaif.reward.scoring;

import dev.rlaif.common.events.ScoringItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
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
}
