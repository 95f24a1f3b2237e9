package dev.rlaif.reward.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    /** Scores an item by its value; remembers every batch it was given. */
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    private float[] byValue(List<Integer> batch) {
        batchSizes.add(batch.size());
        float[] scores = new float[batch.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = batch.get(i) * 0.5f;
        }
        return scores;
    }

    @Test
    void requestsQueuedWhileTheModelIsBusyShareOneBatchAndEachGetsItsOwnScoresInOrder() throws Exception {
        var firstBatchStarted = new CountDownLatch(1);
        var releaseFirstBatch = new CountDownLatch(1);
        DynamicBatcher.BatchScorer<Integer> scorer = batch -> {
            if (batchSizes.isEmpty()) {
                firstBatchStarted.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> releaseFirstBatch.getCount() == 0);
            }
            return byValue(batch);
        };
        try (var batcher = new DynamicBatcher<>("test", 8, Duration.ofMillis(1), scorer, size -> { }, () -> { })) {
            CompletableFuture<float[]> blocker = batcher.submit(List.of(100));
            firstBatchStarted.await();
            List<CompletableFuture<float[]>> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queued.add(batcher.submit(List.of(i, i + 10)));
            }
            releaseFirstBatch.countDown();

            assertThat(blocker.get()).containsExactly(50f);
            for (int i = 0; i < 5; i++) {
                assertThat(queued.get(i).get()).containsExactly(i * 0.5f, (i + 10) * 0.5f);
            }
            // 10 queued items with at most 8 per forward pass: two passes, not five
            assertThat(batchSizes).containsExactly(1, 8, 2);
        }
    }

    @Test
    void aRequestLargerThanTheBatchIsSplitIntoSeveralForwardPasses() throws Exception {
        List<Integer> recorded = new CopyOnWriteArrayList<>();
        try (var batcher = new DynamicBatcher<>("test", 4, Duration.ZERO, this::byValue, recorded::add, () -> { })) {
            float[] scores = batcher.submit(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)).get();
            assertThat(scores).containsExactly(0f, 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f, 4.5f);
            assertThat(recorded).containsExactly(4, 4, 2);
        }
    }

    @Test
    void closingFinishesQueuedWorkThenReleasesTheModelAndRefusesNewRequests() throws Exception {
        var released = new AtomicBoolean();
        var batcher = new DynamicBatcher<>("test", 4, Duration.ofMillis(1), this::byValue, size -> { }, () -> released.set(true));
        CompletableFuture<float[]> pending = batcher.submit(List.of(2));
        batcher.close();
        assertThat(pending.get()).containsExactly(1f);
        assertThat(released).isTrue();
        assertThat(batcher.submit(List.of(1))).isCompletedExceptionally();
    }

    @Test
    void aFailingForwardPassFailsEveryRequestOfThatBatch() {
        try (var batcher = new DynamicBatcher<Integer>("test", 4, Duration.ofMillis(1), batch -> {
            throw new IllegalStateException("out of memory");
        }, size -> { }, () -> { })) {
            assertThat(batcher.submit(List.of(1))).failsWithin(Duration.ofSeconds(10));
        }
    }
}
