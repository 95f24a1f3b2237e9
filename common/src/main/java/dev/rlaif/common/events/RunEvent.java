package dev.rlaif.common.events;

/** Life-cycle events of a run as a whole, published by the trainer-service on {@code rlaif.run.events}. */
public sealed interface RunEvent extends RlaifEvent permits RunSubmitted, RunCancelled {
}
