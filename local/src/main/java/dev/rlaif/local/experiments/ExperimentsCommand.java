package dev.rlaif.local.experiments;

import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code experiments} command once the platform is up: starts a judge simulator per labeler size,
 * runs the suite, writes the report and its charts, and prints the report.
 */
public final class ExperimentsCommand {

    private ExperimentsCommand() {
    }

    /**
     * @param serviceUrls the platform's service URLs by name
     * @param quick       the quick plan (minutes) instead of the demo's sizes
     * @param reportsRoot where {@code <date>/report.md} goes
     * @return the report's path
     */
    public static Path run(Map<String, String> serviceUrls, boolean quick, Path reportsRoot, PrintStream out)
            throws IOException, InterruptedException {
        ExperimentPlan plan = quick ? ExperimentPlan.quick() : ExperimentPlan.full();
        out.println("[experiments] " + plan.mode() + ": " + plan.describe());
        List<JudgeSimulator> judges = new ArrayList<>();
        try {
            Map<String, String> judgeUrls = new LinkedHashMap<>();
            for (String size : ExperimentPlan.LABELER_SIZES) {
                JudgeSimulator judge = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withPort(0).withSize(size).withSeed(plan.seed()));
                judges.add(judge);
                judgeUrls.put(size, judge.baseUrl());
                out.println("[experiments] judge simulator " + size + " at " + judge.baseUrl());
            }
            ExperimentResults results = new Experiments(serviceUrls, judgeUrls, plan, out).run();
            Path report = Experiments.writeReport(results, reportsRoot);
            out.println();
            out.println(java.nio.file.Files.readString(report));
            out.println("[experiments] report: " + report.toAbsolutePath());
            return report;
        } finally {
            for (JudgeSimulator judge : judges) {
                judge.close();
            }
        }
    }

    /** A free TCP port p such that p … p + count − 1 were all free when checked. */
    public static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + count > 65_530) {
                continue;
            }
            boolean free = true;
            for (int port = first + 1; port < first + count && free; port++) {
                try (ServerSocket ignored = new ServerSocket(port)) {
                    free = true;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no " + count + " consecutive free ports found");
    }
}
