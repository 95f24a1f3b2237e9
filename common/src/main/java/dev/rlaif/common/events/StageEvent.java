package dev.rlaif.common.events;

/** Commands to run a stage ({@code rlaif.stage.commands}) and their outcomes ({@code rlaif.stage.events}). */
public sealed interface StageEvent extends RlaifEvent permits StageRequested, StageCompleted, StageFailed {

    Stage stage();

    /** Starts at 1; a retried stage gets a new attempt and therefore new event ids. */
    int attempt();
}
