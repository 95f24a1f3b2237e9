package dev.rlaif.eval.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rlaif.common.artifacts.ArtifactStore;
import dev.rlaif.common.events.RunProgress;
import dev.rlaif.common.events.RunSubmitted;
import dev.rlaif.common.events.Stage;
import dev.rlaif.common.events.StageCompleted;
import dev.rlaif.common.events.StageRequested;
import dev.rlaif.common.kafka.Topics;
import dev.rlaif.common.spec.DatasetSpec;
import dev.rlaif.common.spec.EvaluationSpec;
import dev.rlaif.common.spec.JudgeSpec;
import dev.rlaif.common.spec.LabelingSpec;
import dev.rlaif.common.spec.RunSpec;
import dev.rlaif.eval.EvalApplication;
import dev.rlaif.eval.evaluations.TinyPoliciesAccess;
import dev.rlaif.eval.ratings.RaterClient;
import dev.rlaif.testbed.judgesim.JudgeSimulator;
import dev.rlaif.testbed.judgesim.JudgeSimulatorConfig;
import dev.rlaif.testsupport.Http;
import dev.rlaif.testsupport.ServiceIntegrationTest;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages in a real headless Chromium (the machine's {@code chromium} and {@code chromedriver};
 * skipped where they are not installed). Screenshots go to {@code target/screenshots}.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.config.name=" + EvalApplication.CONFIG_NAME)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WebDriver browser;
    private static JudgeSimulator judge;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ArtifactStore artifacts;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1280,1100");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        judge = JudgeSimulator.start(JudgeSimulatorConfig.defaults().withSize("s"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (judge != null) {
            judge.close();
        }
    }

    @Test
    void theRunPageOfAFinishedRunShowsItsCurvesAndItsWinRateTable() throws Exception {
        UUID runId = UUID.randomUUID();
        TinyPoliciesAccess.write(artifacts, runId, 40);
        RunSpec spec = new RunSpec("browser-demo", 5L, new DatasetSpec("testbed:synthsumm?n=400", null), null, null, null,
                new LabelingSpec(new JudgeSpec(judge.baseUrl(), judge.modelId(), null, 8), "summarization", "base",
                        null, null, null, null, null, null),
                null, null, new EvaluationSpec(32, List.of("ai", "simulated-human"), 12));
        send(RunSubmitted.of(runId, spec, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        Http http = new Http(port);
        await().atMost(PATIENCE).until(() -> http.get("/api/known-runs/" + runId).statusCode() == 200);
        for (Stage stage : List.of(Stage.SFT, Stage.SAMPLE, Stage.LABEL, Stage.REWARD_MODEL, Stage.RL)) {
            send(StageRequested.of(runId, stage, 1));
            if (stage == Stage.RL) {
                for (int step = 1; step <= 20; step++) {
                    send(RunProgress.of(runId, Stage.RL, step, 20, Map.of("reward", -0.5 + step * 0.04,
                            "kl", 0.002 * step * step, "loss", 1.0 / step, "length", 12.0 + step * 0.2), Instant.now()));
                }
            }
            Map<String, Double> report = switch (stage) {
                case LABEL -> Map.of("labels", 400.0, "alignment", 0.74, "position_bias_rate", 0.11, "judge_calls", 800.0);
                case REWARD_MODEL -> Map.of("accuracy", 0.68, "loss", 0.61);
                default -> Map.of("steps", 20.0);
            };
            send(StageCompleted.of(runId, stage, 1, report, Map.of()));
        }
        await().atMost(PATIENCE).until(() -> JSON.readTree(http.get("/api/dashboard/runs/" + runId).body()).path("stages"),
                stages -> stages.size() == 5 && "COMPLETED".equals(stages.get(4).path("status").asString()));

        // the page of an active run polls every 3 s and picks up the evaluation without a reload
        browser.get("http://localhost:" + port + "/runs/" + runId);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
        assertThat(browser.findElement(By.id("live")).getAttribute("hx-trigger")).isEqualTo("every 3s");
        assertThat(browser.findElement(By.id("evaluation")).getText()).contains("No evaluation yet");
        send(StageRequested.of(runId, Stage.EVALUATE, 1));
        await().atMost(PATIENCE).until(() -> JSON.readTree(http.get("/api/dashboard/runs/" + runId).body()),
                node -> "SUCCEEDED".equals(node.path("run").path("status").asString()));

        JsonNode live = JSON.readTree(http.get("/api/runs/" + runId + "/evaluation").body());
        assertThat(live.path("report").path("judges").get(1).path("winRate").path("winRate").asDouble())
                .isEqualTo(live.path("evaluation").path("metrics").path("winrate_simulated_human").asDouble());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "SUCCEEDED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evaluation"), "Simulated humans"));
        // a finished run's page stops polling
        wait.until(driver -> driver.findElement(By.id("live")).getAttribute("hx-trigger") == null);
        assertThat(browser.findElements(By.cssSelector("#curves .chart canvas"))).hasSize(4);
        // Chart.js (from its WebJar) drew every curve with all 20 steps
        wait.until(driver -> ((JavascriptExecutor) driver).executeScript("""
                return typeof Chart !== "undefined" && [...document.querySelectorAll("#curves canvas")]
                    .map((canvas) => Chart.getChart(canvas)).filter((chart) => chart && chart.data.datasets[0].data.length === 20).length
                    + 10 * Object.keys(Chart.instances).length""")
                .equals(44L)); // and the charts of the fragments the polls replaced were destroyed
        assertThat(browser.findElement(By.id("curves")).getText()).contains("RL · loss", "RL · reward", "RL · kl", "RL · length");
        assertThat(browser.findElement(By.id("evaluation")).getText())
                .contains("AI judge", "Simulated humans", "position-bias rate", "inter-rater agreement")
                .containsIgnoringCase("95 % CI").containsIgnoringCase("length-controlled");
        assertThat(browser.findElements(By.cssSelector(".stage.COMPLETED"))).hasSize(6);
        assertThat(browser.findElement(By.id("reports")).getText()).contains("alignment", "0.7400", "accuracy", "0.6800");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2300));
        screenshot("run-page.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1100));

        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs"), "browser-demo"));
        screenshot("runs-page.png");
        // what the run list's poll gets: the live fragment, not the whole page
        var fragment = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fragment.body()).contains("id=\"live\"", "browser-demo").doesNotContain("<html", "<header");

        browser.get("http://localhost:" + port + "/evaluations/" + live.path("evaluation").path("id").asString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table"), "Simulated humans"));
        assertThat(browser.findElement(By.id("table")).getText()).contains("AI judge").containsIgnoringCase("95 % CI");
        screenshot("evaluation-page.png");
    }

    @Test
    void aRaterSignsInAndCompletesASmallTaskWithTheKeyboard() throws Exception {
        UUID runId = UUID.randomUUID();
        TinyPoliciesAccess.write(artifacts, runId, 10);
        Http http = new Http(port);
        var created = http.postJson("/api/evaluations", """
                {"name": "keyboard rating", "policyA": "%s", "policyB": "%s", "prompts": "%s", "n": 3, "judges": ["human"],
                 "maxNewTokens": 10}""".formatted(ArtifactStore.relative(runId, "policy"), ArtifactStore.relative(runId, "sft"),
                ArtifactStore.relative(runId, "dataset/eval.jsonl")));
        String id = JSON.readTree(created.body()).path("id").asString();
        await().atMost(PATIENCE).until(() -> JSON.readTree(http.get("/api/evaluations/" + id).body())
                .path("evaluation").path("status").asString().equals("COMPLETED"));

        browser.get("http://localhost:" + port + "/rate?evaluation=" + id);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rater"))).sendKeys("carol");
        browser.findElement(By.id("passcode")).sendKeys("not-the-passcode\n");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        browser.findElement(By.id("rater")).sendKeys("carol");
        browser.findElement(By.id("passcode")).sendKeys(RaterClient.PASSCODE + "\n");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "0 of 3 answered"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "rating as carol"));
        screenshot("rating-page.png");
        var body = browser.findElement(By.tagName("body"));
        body.sendKeys("1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "1 of 3 answered"));
        body.sendKeys("t");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "2 of 3 answered"));
        body.sendKeys("2");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rater")));

        JsonNode human = JSON.readTree(http.get("/api/evaluations/" + id).body()).path("report").path("judges").get(0);
        assertThat(human.path("judge").asString()).isEqualTo("human");
        assertThat(human.path("winRate").path("verdicts").asInt()).isEqualTo(3);
        assertThat(human.path("winRate").path("ties").asInt()).isEqualTo(1);
    }

    private void send(dev.rlaif.common.events.RlaifEvent event) throws Exception {
        String topic = switch (event) {
            case RunSubmitted ignored -> Topics.RUN_EVENTS;
            case StageRequested ignored -> Topics.STAGE_COMMANDS;
            case RunProgress ignored -> Topics.RUN_PROGRESS;
            default -> Topics.STAGE_EVENTS;
        };
        kafka.send(topic, event.key(), event).get();
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
