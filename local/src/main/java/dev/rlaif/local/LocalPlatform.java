package dev.rlaif.local;

import dev.rlaif.eval.EvalApplication;
import dev.rlaif.labeler.LabelerApplication;
import dev.rlaif.local.experiments.ExperimentsCommand;
import dev.rlaif.reward.RewardApplication;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.trainer.TrainerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: Kafka (KRaft), PostgreSQL and the four services in one JVM, one command.
 *
 * <p>The services run as separate Spring contexts in this JVM rather than as child processes: one
 * executable jar, one set of native libraries loaded once (DJL's ~430 MB), shared memory for the
 * models, and one Ctrl-C that stops everything in order. Each service keeps its own configuration
 * file, port, schema and consumer group, exactly as it has in its own container.
 */
public final class LocalPlatform implements AutoCloseable {

    private record Service(String name, int port, Supplier<SpringApplicationBuilder> builder) {
    }

    /** Boot's servlet security auto-configuration, left out of the services that do not use Spring Security. */
    private static final List<String> SECURITY_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private String judgeBaseUrl;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("experiments")) {
            System.exit(experiments(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        LocalOptions options;
        try {
            options = LocalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalPlatform platform = new LocalPlatform();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "rlaif-local-shutdown"));
        try {
            platform.start(options);
        } catch (Exception e) {
            System.err.println("Start failed: " + e);
            System.exit(1);
        }
        platform.printUrls();
        if (options.demo()) {
            var demo = new Demo(platform.urls(), System.out);
            try {
                demo.print(demo.run(Demo.defaultSpec(platform.judgeBaseUrl()), Duration.ofMinutes(30)));
            } catch (Exception e) {
                System.err.println("The demo did not complete: " + e.getMessage());
                if (options.exit()) {
                    System.exit(1);
                }
            }
        }
        if (options.exit()) {
            System.exit(0);
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /**
     * {@code experiments [--quick] [--reports-dir=DIR] [platform options]}: the embedded default on free
     * ports (unless given) with its own data directory, then the experiment suite and its report.
     */
    private static int experiments(String[] args) throws Exception {
        boolean quick = false;
        Path reports = Path.of("reports");
        List<String> platformArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--reports-dir=") && arg.length() > "--reports-dir=".length()) {
                reports = Path.of(arg.substring("--reports-dir=".length()));
            } else if (arg.equals("--demo") || arg.equals("--help")) {
                System.err.println((arg.equals("--help") ? "" : "--demo does not go with experiments\n") + LocalOptions.USAGE);
                return arg.equals("--help") ? 0 : 2;
            } else {
                platformArgs.add(arg);
            }
        }
        if (platformArgs.stream().noneMatch(a -> a.startsWith("--data-dir="))) {
            platformArgs.add("--data-dir=.rlaif-local/experiments");
            platformArgs.add("--fresh");
        }
        if (platformArgs.stream().noneMatch(a -> a.startsWith("--kafka-port="))) {
            platformArgs.add("--kafka-port=" + ExperimentsCommand.freePorts(2));
        }
        if (platformArgs.stream().noneMatch(a -> a.startsWith("--postgres-port="))) {
            platformArgs.add("--postgres-port=" + ExperimentsCommand.freePorts(1));
        }
        if (platformArgs.stream().noneMatch(a -> a.startsWith("--base-port="))) {
            platformArgs.add("--base-port=" + ExperimentsCommand.freePorts(5));
        }
        LocalOptions options;
        try {
            options = LocalOptions.parse(platformArgs.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try (LocalPlatform platform = new LocalPlatform()) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "rlaif-experiments-shutdown"));
            platform.start(options);
            platform.printUrls();
            ExperimentsCommand.run(platform.urls(), quick, reports, System.out);
            return 0;
        } catch (Exception e) {
            System.err.println("The experiments did not complete: " + e);
            return 1;
        }
    }

    public void start(LocalOptions options) throws Exception {
        Instant begin = Instant.now();
        Path data = options.dataDir().toAbsolutePath();
        if (options.fresh()) {
            LocalKafka.deleteRecursively(data);
        }
        Files.createDirectories(data);

        step("PostgreSQL on port " + options.postgresPort());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(options.postgresPort())
                .start();
        started.push(postgres);

        if (options.demo()) {
            step("judge simulator (OpenAI-compatible, size l) on port " + options.judgePort());
            JudgeSimulator judge = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withPort(options.judgePort()).withSize("l"));
            started.push(judge);
            judgeBaseUrl = judge.baseUrl();
        }

        step("Kafka (KRaft) on port " + options.kafkaPort());
        LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), options.kafkaPort(), options.kafkaPort() + 1);
        started.push(kafka);

        List<Service> services = List.of(
                new Service("labeler-service", options.basePort() + 1, LabelerApplication::builder),
                new Service("reward-service", options.basePort() + 2, RewardApplication::builder),
                new Service("trainer-service", options.basePort() + 3, TrainerApplication::builder),
                new Service("eval-service", options.basePort() + 4, EvalApplication::builder));
        for (Service service : services) {
            step(service.name() + " on port " + service.port());
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=" + service.port(),
                    "--spring.main.banner-mode=off",
                    "--spring.main.register-shutdown-hook=false",
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--rlaif.db.url=jdbc:postgresql://localhost:" + options.postgresPort() + "/postgres",
                    "--spring.datasource.username=postgres",
                    "--rlaif.artifacts.dir=" + data.resolve("artifacts"),
                    "--logging.level.org.apache.kafka=WARN",
                    "--logging.level.kafka=WARN",
                    "--logging.level.org.apache.kafka.clients.NetworkClient=ERROR"));
            if (!service.name().equals("eval-service")) {
                // Spring Security is on this shared classpath for the eval-service's rater sign-in only; the other
                // services have no security configuration of their own and must not get Boot's default lock-down.
                arguments.add("--spring.autoconfigure.exclude=" + String.join(",", SECURITY_AUTO_CONFIGURATION));
            }
            ConfigurableApplicationContext context = service.builder().get().run(arguments.toArray(String[]::new));
            started.push(context::close);
            urls.put(service.name(), "http://localhost:" + service.port());
        }
        for (Map.Entry<String, String> service : urls.entrySet()) {
            awaitHealthy(service.getKey(), service.getValue());
        }
        step("all healthy in " + Duration.between(begin, Instant.now()).toSeconds() + " s");
    }

    /** The judge simulator's OpenAI base URL (demo only). */
    public String judgeBaseUrl() {
        return judgeBaseUrl;
    }

    public Map<String, String> urls() {
        return Map.copyOf(urls);
    }

    private void printUrls() {
        System.out.println();
        System.out.println("RLAIF platform is up:");
        urls.forEach((name, url) -> System.out.printf("  %-16s %s   (health %s/actuator/health, API docs %s/swagger-ui.html)%n",
                name, url, url, url));
        System.out.println("Submit a run:  curl -X POST " + urls.get("trainer-service")
                + "/api/runs -H 'Content-Type: application/json' -d @examples/run-synthsumm.json");
        System.out.println();
    }

    private static void awaitHealthy(String name, String url) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy at " + url + ": " + last);
    }

    private static void step(String what) {
        System.out.println("[rlaif-local] " + what);
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("[rlaif-local] stopping failed: " + e);
            }
        }
    }
}
