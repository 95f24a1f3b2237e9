package dev.rlaif.testbed.judgesim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar judge-sim.jar --port N [--size xs|s|l] [--seed S] ...}; {@code --help} lists every option. */
public final class JudgeSimulatorMain {

    private static final String USAGE = """
            usage: java -jar judge-sim.jar [options]
              --port N                   port to listen on (default 8000; 0 = any free port)
              --host ADDR                interface to bind (default 0.0.0.0)
              --size xs|s|l              labeler size preset (default l); sets noise and both biases
              --seed S                   seed of every random choice (default 42)
              --noise X                  judge's per-candidate error, utility units (after --size)
              --position-bias X          logit in favour of the first candidate (after --size)
              --verbosity-bias X         utility per word the judge adds (after --size)
              --latency-ms N             mean added latency per completion call (default 0)
              --latency-distribution D   fixed|uniform|exponential|log_normal (default fixed)
              --concurrency-limit N      calls served at once, 0 = unlimited (default 0)
              --overload-mode M          queue|reject_429 (default queue)
              --retry-after-seconds N    Retry-After on 429 answers (default 1)
              --rate-500 P               share of calls answered 500
              --rate-timeout P           share of calls that hang --timeout-ms then drop the connection
              --rate-malformed-json P    share of calls answered with truncated JSON
              --rate-missing-logprobs P  share of calls answered without logprobs
              --timeout-ms N             how long a timeout fault hangs (default 30000)
              --scripted-faults F,F,...  faults for the first calls: none,http_429,http_500,timeout,
                                         malformed_json,missing_logprobs
            """;

    private JudgeSimulatorMain() {
    }

    /** What the command line asked for. */
    record Options(JudgeSimulatorConfig config, String host, boolean help) {
    }

    /** Parses the options; later options override earlier ones, so give --size before bias overrides. */
    static Options parse(String[] args) {
        JudgeSimulatorConfig config = JudgeSimulatorConfig.defaults().withPort(8000);
        String host = "0.0.0.0";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new Options(config, host, true);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String v = args[++i];
            switch (option) {
                case "--port" -> config = config.withPort(Integer.parseInt(v));
                case "--host" -> host = v;
                case "--size" -> config = config.withSize(v);
                case "--seed" -> config = config.withSeed(Long.parseLong(v));
                case "--noise" -> config = config.withNoise(Double.parseDouble(v));
                case "--position-bias" -> config = config.withPositionBias(Double.parseDouble(v));
                case "--verbosity-bias" -> config = config.withVerbosityBias(Double.parseDouble(v));
                case "--latency-ms" -> config = config.withLatencyMs(Long.parseLong(v));
                case "--latency-distribution" -> config = config.withLatencyDistribution(
                        LatencyDistribution.valueOf(v.toUpperCase(Locale.ROOT)));
                case "--concurrency-limit" -> config = config.withConcurrencyLimit(Integer.parseInt(v));
                case "--overload-mode" -> config = config.withOverloadMode(
                        OverloadMode.valueOf(v.toUpperCase(Locale.ROOT)));
                case "--retry-after-seconds" -> config = config.withRetryAfterSeconds(Integer.parseInt(v));
                case "--rate-500" -> config = config.withRate500(Double.parseDouble(v));
                case "--rate-timeout" -> config = config.withRateTimeout(Double.parseDouble(v));
                case "--rate-malformed-json" -> config = config.withRateMalformedJson(Double.parseDouble(v));
                case "--rate-missing-logprobs" -> config = config.withRateMissingLogprobs(Double.parseDouble(v));
                case "--timeout-ms" -> config = config.withTimeoutMs(Long.parseLong(v));
                case "--scripted-faults" -> config = config.withScriptedFaults(faults(v));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new Options(config, host, false);
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("judge-sim: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        JudgeSimulatorConfig config = options.config();
        JudgeSimulator simulator;
        try {
            simulator = JudgeSimulator.start(config, InetAddress.getByName(options.host()));
        } catch (UnknownHostException e) {
            System.err.println("judge-sim: unknown host " + options.host());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("judge simulator (size " + config.size().label() + ", seed " + config.seed()
                + ") listening on http://" + options.host() + ":" + simulator.port() + "/v1");
        stopped.await();
    }

    private static List<Fault> faults(String list) {
        List<Fault> faults = new ArrayList<>();
        for (String f : list.split(",")) {
            if (!f.isBlank()) {
                faults.add(Fault.valueOf(f.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return faults;
    }
}
