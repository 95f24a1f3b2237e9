package dev.rlaif.eval.ratings;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rating page ({@code /rate[?evaluation=]}): the sign-in form, or the rater's next comparison.
 * Its buttons (and the keys {@code 1}, {@code 2}, {@code t}, {@code s}) post the answer with htmx to
 * {@code /rate/tasks/{taskId}}, which records it and answers with the next comparison. Every htmx
 * request carries the CSRF token in {@code X-XSRF-TOKEN}; sign-in and sign-out go to the same
 * endpoints as the API's ({@code /api/login}, {@code /api/logout}) and reload the page.
 */
@Controller
public class RatingPage {

    private final RatingService ratings;
    private final JsonMapper json;

    public RatingPage(RatingService ratings, JsonMapper json) {
        this.ratings = ratings;
        this.json = json;
    }

    @GetMapping("/rate")
    public String page(Principal rater, @RequestParam(required = false) UUID evaluation, CsrfToken csrf, Model model) {
        model.addAttribute("csrfHeaders", json.writeValueAsString(Map.of(csrf.getHeaderName(), csrf.getToken())));
        model.addAttribute("rater", rater == null ? null : rater.getName());
        if (rater != null) {
            next(rater, evaluation, model);
        }
        return "eval/rate";
    }

    /** Records the answer (a second answer to a task changes nothing) and shows the next comparison. */
    @PostMapping("/rate/tasks/{taskId}")
    public String answer(Principal rater, @PathVariable UUID taskId, @Valid @ModelAttribute RatingAnswer answer,
                         @RequestParam(required = false) UUID evaluation, Model model) {
        ratings.answer(taskId, rater.getName(), answer);
        next(rater, evaluation, model);
        return "eval/rate :: task";
    }

    private void next(Principal rater, UUID evaluation, Model model) {
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("task", ratings.next(rater.getName(), evaluation).orElse(null));
    }
}
