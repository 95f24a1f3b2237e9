package dev.rlaif.trainer.runs;

import java.util.List;

/** One page of runs, newest first. */
public record RunPage(List<RunView> items, int page, int size, long totalItems, int totalPages) {
}
