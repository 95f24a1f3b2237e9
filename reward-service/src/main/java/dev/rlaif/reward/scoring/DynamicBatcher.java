package dev.rlaif.reward.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching: requests queue up, and one worker thread takes the first, waits at most {@code maxWait}
 * for others to join until {@code maxBatchSize} items are gathered, and scores them in one forward pass
 * (larger groups in several of {@code maxBatchSize}). Concurrent callers therefore share model batches,
 * and throughput grows with batch size. The worker owns the model: {@link #close()} lets it finish what is
 * queued, then runs {@code onClose} (closing the model) on the worker itself.
 *
 * @param <T> one item to score
 */
public final class DynamicBatcher<T> implements AutoCloseable {

    /** Scores one model batch; returns one score per item, in order. */
    @FunctionalInterface
    public interface BatchScorer<T> {
        float[] score(List<T> batch);
    }

    private record Pending<T>(List<T> items, CompletableFuture<float[]> result) {
    }

    private static final Logger log = LoggerFactory.getLogger(DynamicBatcher.class);
    private static final long IDLE_POLL_MILLIS = 100;

    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final BatchScorer<T> scorer;
    private final IntConsumer batchSizes;
    private final Runnable onClose;
    private final Thread worker;
    private volatile boolean closed;

    public DynamicBatcher(String name, int maxBatchSize, Duration maxWait, BatchScorer<T> scorer, IntConsumer batchSizes,
                          Runnable onClose) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1");
        }
        this.maxBatchSize = maxBatchSize;
        this.maxWaitNanos = maxWait.toNanos();
        this.scorer = scorer;
        this.batchSizes = batchSizes;
        this.onClose = onClose;
        this.worker = Thread.ofPlatform().name("scoring-" + name).daemon().start(this::work);
    }

    /** Queues {@code items}; the future completes with their scores, in order. */
    public CompletableFuture<float[]> submit(List<T> items) {
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(new float[0]);
        }
        var pending = new Pending<>(List.copyOf(items), new CompletableFuture<>());
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("this reward model was replaced or unloaded"));
        }
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            pending.result().completeExceptionally(new IllegalStateException("this reward model was replaced or unloaded"));
        }
        return pending.result();
    }

    private void work() {
        try {
            while (!closed || !queue.isEmpty()) {
                Pending<T> first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    run(gather(first));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Pending<T> left;
            while ((left = queue.poll()) != null) {
                left.result().completeExceptionally(new IllegalStateException("the scorer stopped"));
            }
            onClose.run();
        }
    }

    private List<Pending<T>> gather(Pending<T> first) throws InterruptedException {
        List<Pending<T>> group = new ArrayList<>();
        group.add(first);
        int items = first.items().size();
        long deadline = System.nanoTime() + maxWaitNanos;
        while (items < maxBatchSize) {
            long left = deadline - System.nanoTime();
            Pending<T> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            group.add(next);
            items += next.items().size();
        }
        return group;
    }

    private void run(List<Pending<T>> group) {
        List<T> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.items()));
        float[] scores = new float[all.size()];
        try {
            for (int from = 0; from < all.size(); from += maxBatchSize) {
                List<T> batch = all.subList(from, Math.min(all.size(), from + maxBatchSize));
                float[] batchScores = scorer.score(batch);
                if (batchScores.length != batch.size()) {
                    throw new IllegalStateException("scorer returned " + batchScores.length + " scores for " + batch.size() + " items");
                }
                System.arraycopy(batchScores, 0, scores, from, batchScores.length);
                batchSizes.accept(batch.size());
            }
        } catch (RuntimeException e) {
            log.warn("Scoring a batch of {} items failed", all.size(), e);
            group.forEach(p -> p.result().completeExceptionally(e));
            return;
        }
        int offset = 0;
        for (Pending<T> pending : group) {
            float[] own = new float[pending.items().size()];
            System.arraycopy(scores, offset, own, 0, own.length);
            offset += own.length;
            pending.result().complete(own);
        }
    }

    /** Stops taking requests, scores what is queued, then closes the model; waits for that to finish. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
