package dev.rlaif.eval.dashboard;

import dev.rlaif.common.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The run list and a run's detail as JSON (the pages themselves are {@link DashboardPages}). */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {

    private final RunBoard board;

    public DashboardController(RunBoard board) {
        this.board = board;
    }

    @GetMapping("/runs")
    public List<RunBoard.RunSummary> runs(@RequestParam(defaultValue = "100") int limit) {
        return board.runs(Math.clamp(limit, 1, 500));
    }

    @GetMapping("/runs/{runId}")
    public RunBoard.RunDetail run(@PathVariable UUID runId) {
        return board.run(runId).orElseThrow(() -> new NotFoundException("Run", runId));
    }
}
