package dev.rlaif.reward;

import dev.rlaif.judge.client.JudgeEndpoint;
import dev.rlaif.judge.client.OpenAiCompatibleClient;
import dev.rlaif.judge.labeling.ComparisonPair;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.RlaifPreferenceLabeler;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.tasks.PreferencePair;
import dev.rlaif.testbed.tasks.SynthSumm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** synthsumm pairs labeled over HTTP by the judge simulator, as the labeler would, with the simulated humans' preference. */
public final class SimulatedLabels {

    /** One labeled pair; {@code humanPreference} is the simulated humans' P(A better). */
    public record Labeled(UUID pairId, String prompt, String responseA, String responseB, double preference,
                          double humanPreference) {
    }

    private SimulatedLabels() {
    }

    public static List<PreferencePair> pairs(int count, long seed) {
        return new SynthSumm(seed).preferencePairs(count);
    }

    public static List<Labeled> label(List<PreferencePair> pairs, JudgeSimulator simulator) throws Exception {
        try (var client = OpenAiCompatibleClient.connect(JudgeEndpoint.of(simulator.baseUrl(), simulator.modelId()));
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var labeler = new RlaifPreferenceLabeler(client, LabelingSettings.defaults());
            List<Future<Labeled>> futures = new ArrayList<>();
            for (PreferencePair pair : pairs) {
                Callable<Labeled> task = () -> {
                    var label = labeler.label(new ComparisonPair(pair.id(), pair.prompt(), pair.responseA(), pair.responseB()));
                    return new Labeled(UUID.nameUUIDFromBytes(pair.id().getBytes()), pair.prompt(), pair.responseA(),
                            pair.responseB(), label.probabilityA(), pair.preference());
                };
                futures.add(threads.submit(task));
            }
            List<Labeled> labeled = new ArrayList<>();
            for (Future<Labeled> future : futures) {
                labeled.add(future.get());
            }
            return labeled;
        }
    }
}
