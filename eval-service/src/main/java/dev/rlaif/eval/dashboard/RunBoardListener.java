package dev.rlaif.eval.dashboard;

import dev.rlaif.common.events.RlaifEvent;
import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageFailed;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the dashboard's copy of every run's stages and progress in step with the events (its own consumer group). */
@Component
public class RunBoardListener {

    private final RunBoard board;

    public RunBoardListener(RunBoard board) {
        this.board = board;
    }

    @KafkaListener(id = "${spring.application.name}-run-board",
            topics = {Topics.STAGE_COMMANDS, Topics.STAGE_EVENTS, Topics.RUN_PROGRESS})
    public void on(RlaifEvent event) {
        switch (event) {
            case StageRequested requested -> board.requested(requested);
            case StageCompleted completed -> board.completed(completed);
            case StageFailed failed -> board.failed(failed);
            case RunProgress progress -> board.progress(progress);
            default -> {
            }
        }
    }
}
