package dev.rlaif.common.knownruns;

import dev.rlaif.common.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Which runs this service has seen: proof that the run events reach it. */
@RestController
@RequestMapping("/api/known-runs")
public class KnownRunsController {

    private final KnownRunRepository runs;

    public KnownRunsController(KnownRunRepository runs) {
        this.runs = runs;
    }

    @GetMapping
    public List<KnownRun> recent(@RequestParam(defaultValue = "50") int limit) {
        return runs.recent(Math.clamp(limit, 1, 500));
    }

    @GetMapping("/{runId}")
    public KnownRun one(@PathVariable UUID runId) {
        return runs.find(runId).orElseThrow(() -> new NotFoundException("Run", runId));
    }
}
