package dev.rlaif.trainer.runs;

import dev.rlaif.common.artifacts.ArtifactNames;
import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.common.web.NotFoundException;
import dev.rlaif.trainer.orchestration.RunStages;
import dev.rlaif.trainer.orchestration.StagePlan;
import dev.rlaif.trainer.orchestration.StageRecord;
import dev.rlaif.trainer.orchestration.StageStatus;
import dev.rlaif.trainer.progress.RunTelemetry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Read side of the Runs API: assembles a run's detail from its row, stages, progress and artifacts. */
@Service
public class RunQueries {

    /** Checkpoints a run can offer for download, by API name. */
    public static final Map<String, String> DOWNLOADABLE = Map.of(
            "sft", ArtifactNames.SFT_POLICY,
            "policy", ArtifactNames.RL_POLICY,
            "reward-model", ArtifactNames.REWARD_MODEL);

    private final RunRepository runs;
    private final RunStages stages;
    private final RunTelemetry telemetry;
    private final ArtifactStore artifacts;
    private final JsonMapper json;

    public RunQueries(RunRepository runs, RunStages stages, RunTelemetry telemetry, ArtifactStore artifacts, JsonMapper json) {
        this.runs = runs;
        this.stages = stages;
        this.telemetry = telemetry;
        this.artifacts = artifacts;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public RunDetail detail(UUID id) {
        Run run = runs.findById(id).orElseThrow(() -> new NotFoundException("Run", id));
        RunSpec spec = json.readValue(run.specJson(), RunSpec.class);
        List<Stage> plan = StagePlan.of(spec).stages();
        List<StageRecord> timeline = stages.timeline(id);
        long completed = timeline.stream().filter(s -> s.status() == StageStatus.COMPLETED).map(StageRecord::stage).distinct().count();

        double currentFraction = 0.0;
        Long eta = null;
        if (run.currentStage() != null && run.status() == RunStatus.RUNNING) {
            var progress = telemetry.progress(id).filter(p -> p.stage().equals(run.currentStage().name()));
            currentFraction = progress.map(RunTelemetry.Progress::fraction).orElse(0.0);
            var started = timeline.stream().filter(s -> s.stage() == run.currentStage() && s.status() == StageStatus.RUNNING)
                    .map(StageRecord::startedAt).findFirst();
            if (started.isPresent() && currentFraction > 0.0 && currentFraction < 1.0) {
                double elapsed = Duration.between(started.get(), Instant.now()).toMillis() / 1000.0;
                eta = Math.round(elapsed * (1 - currentFraction) / currentFraction);
            }
        }
        double percent = run.status() == RunStatus.SUCCEEDED ? 100.0 : 100.0 * (completed + currentFraction) / plan.size();

        Map<String, String> links = new LinkedHashMap<>();
        DOWNLOADABLE.forEach((name, dir) -> {
            if (Files.isRegularFile(artifacts.resolve(ArtifactStore.relative(id, dir)).resolve("model.safetensors"))) {
                links.put(name, "/api/runs/" + id + "/artifacts/" + name);
            }
        });
        return new RunDetail(run.id(), run.name(), run.status(), run.currentStage(), run.failureReason(),
                Math.round(percent * 10) / 10.0, eta, plan, timeline, telemetry.latest(id), links,
                run.createdAt(), run.updatedAt(), spec);
    }
}
