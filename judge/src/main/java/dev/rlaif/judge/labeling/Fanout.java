package dev.rlaif.judge.labeling;

import dev.rlaif.judge.client.JudgeException;
import dev.rlaif.judge.client.JudgeFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs independent judge calls on virtual threads; the first failure cancels the rest and is rethrown. */
public final class Fanout {

    private Fanout() {
    }

    public static <T> List<T> all(List<Callable<T>> tasks) {
        if (tasks.size() == 1) {
            try {
                return List.of(tasks.getFirst().call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(task));
            }
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    futures.forEach(f -> f.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new JudgeException(JudgeFailure.INTERRUPTED, "interrupted while labeling", e);
                }
            }
            return results;
        }
    }
}
