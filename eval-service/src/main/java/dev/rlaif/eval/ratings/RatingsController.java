package dev.rlaif.eval.ratings;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rating API used by the rating page and, as automated clients, by the simulated humans. The
 * rater is the signed-in user: {@code GET /api/ratings/next} hands out their next comparison,
 * {@code POST /api/ratings/{taskId}} answers it.
 */
@RestController
@RequestMapping("/api/ratings")
public class RatingsController {

    private final RatingService ratings;

    public RatingsController(RatingService ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/me")
    public Map<String, String> me(Principal rater) {
        return Map.of("rater", rater.getName(), "judge", Raters.judgeOf(rater.getName()));
    }

    /** 200 with the rater's next comparison, or 204 when there is nothing left to rate. */
    @GetMapping("/next")
    public ResponseEntity<RatingTask> next(Principal rater, @RequestParam(required = false) UUID evaluation) {
        return ratings.next(rater.getName(), evaluation).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{taskId}")
    public RatingResult answer(Principal rater, @PathVariable UUID taskId, @Valid @RequestBody RatingAnswer answer) {
        return ratings.answer(taskId, rater.getName(), answer);
    }
}
