package dev.rlaif.labeler.labelings;

import dev.rlaif.labeler.labels.JudgeClients;
import dev.rlaif.labeler.labels.PairLabelingService;
import dev.rlaif.labeler.labels.PairToLabel;
import dev.rlaif.labeler.labels.PairOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs labeling jobs in the background: each pair on a virtual thread, as many at once as the judge endpoint
 * takes calls (the client's bulkhead bounds the calls themselves). A job interrupted by a restart is resumed
 * on start from its first unlabeled pair; pairs already labeled are never sent to the judge again.
 */
@Service
public class LabelingJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LabelingJobs.class);

    private final LabelingRepository labelings;
    private final PairLabelingService labeling;
    private final JudgeClients judges;
    private final ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor();

    public LabelingJobs(LabelingRepository labelings, PairLabelingService labeling, JudgeClients judges) {
        this.labelings = labelings;
        this.labeling = labeling;
        this.judges = judges;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (UUID id : labelings.running()) {
            log.info("Resuming labeling {}", id);
            start(id);
        }
    }

    public void start(UUID id) {
        jobs.submit(() -> run(id));
    }

    private void run(UUID id) {
        try {
            List<PairToLabel> pairs = labelings.unlabeled(id);
            List<Future<PairOutcome>> outcomes = new ArrayList<>(pairs.size());
            if (!pairs.isEmpty()) {
                var slots = new Semaphore(judges.concurrency(pairs.getFirst().labeling().judge()));
                try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (PairToLabel pair : pairs) {
                        slots.acquire();
                        outcomes.add(threads.submit(() -> {
                            try {
                                return labeling.label(pair);
                            } finally {
                                slots.release();
                            }
                        }));
                    }
                }
            }
            for (Future<PairOutcome> outcome : outcomes) {
                // judge failures are outcomes; an exception here is storage trouble: leave the job to be resumed
                outcome.get();
            }
            labelings.finish(id);
            log.info("Labeling {} finished: {} pairs", id, pairs.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Labeling {} interrupted; it resumes on the next start", id);
        } catch (ExecutionException | RuntimeException e) {
            log.error("Labeling {} stopped; it resumes on the next start", id, e);
        }
    }

    @Override
    public void destroy() {
        jobs.shutdownNow();
    }
}
