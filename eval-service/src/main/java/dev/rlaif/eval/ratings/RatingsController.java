package dev.rlaif.eval.ratings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rating API used by the rating page and, as automated clients, by the simulated humans:
 * {@code GET /api/ratings/next} hands out a comparison, {@code POST /api/ratings/{taskId}} answers it.
 */
@RestController
@RequestMapping("/api/ratings")
@Validated
public class RatingsController {

    private final RatingService ratings;

    public RatingsController(RatingService ratings) {
        this.ratings = ratings;
    }

    /** 200 with the rater's next comparison, or 204 when there is nothing left to rate. */
    @GetMapping("/next")
    public ResponseEntity<RatingTask> next(
            @RequestParam @Pattern(regexp = RatingAnswer.RATER_ID, message = "must be 1-64 letters, digits or . _ @ : -") String rater,
            @RequestParam(required = false) UUID evaluation) {
        return ratings.next(rater, evaluation).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{taskId}")
    public RatingResult answer(@PathVariable UUID taskId, @Valid @RequestBody RatingAnswer answer) {
        return ratings.answer(taskId, answer);
    }
}
