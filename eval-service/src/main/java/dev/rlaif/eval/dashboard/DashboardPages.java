package dev.rlaif.eval.dashboard;

import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.eval.evaluations.EvaluationService;
import dev.rlaif.eval.evaluations.EvaluationView;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard pages, rendered on the server: the run list ({@code /}), a run ({@code /runs/{id}})
 * and an evaluation ({@code /evaluations/{id}}). Each page polls its own URL with htmx, which answers
 * an {@code HX-Request} with the page's live fragment only.
 */
@Controller
public class DashboardPages {

    private static final String HTMX = "HX-Request=true";

    private final RunBoard board;
    private final EvaluationService evaluations;
    private final PageFormat fmt;

    public DashboardPages(RunBoard board, EvaluationService evaluations, PageFormat fmt) {
        this.board = board;
        this.evaluations = evaluations;
        this.fmt = fmt;
    }

    @GetMapping("/")
    public String runs(Model model) {
        model.addAttribute("runs", board.runs(100));
        model.addAttribute("evaluations", evaluations.recent(20));
        return "eval/runs";
    }

    @GetMapping(value = "/", headers = HTMX)
    public String runsLive(Model model) {
        runs(model);
        return "eval/runs :: live";
    }

    @GetMapping("/runs/{runId}")
    public String run(@PathVariable UUID runId, Model model) {
        RunBoard.RunDetail detail = board.run(runId).orElseThrow(() -> new NotFoundException("Run", runId));
        EvaluationView evaluation;
        try {
            evaluation = evaluations.forRun(runId);
        } catch (NotFoundException notYet) {
            evaluation = null;
        }
        model.addAttribute("page", RunPage.of(detail, evaluation, fmt));
        return "eval/run";
    }

    @GetMapping(value = "/runs/{runId}", headers = HTMX)
    public String runLive(@PathVariable UUID runId, Model model) {
        run(runId, model);
        return "eval/run :: live";
    }

    @GetMapping("/evaluations/{id}")
    public String evaluation(@PathVariable UUID id, Model model) {
        model.addAttribute("view", evaluations.view(id));
        return "eval/evaluation";
    }

    @GetMapping(value = "/evaluations/{id}", headers = HTMX)
    public String evaluationLive(@PathVariable UUID id, Model model) {
        evaluation(id, model);
        return "eval/evaluation :: live";
    }
}
