package dev.rlaif.local;

import java.nio.file.Path;

/**
 * Command-line options of the embedded default.
 *
 * @param dataDir      where PostgreSQL data, Kafka logs and artifacts live; survives restarts
 * @param fresh        wipe {@code dataDir} first
 * @param kafkaPort    the broker's client port (the controller listens on the next port)
 * @param postgresPort the embedded PostgreSQL port
 * @param basePort     services listen on basePort+1 (labeler) … basePort+4 (eval)
 * @param exit         stop again once everything is up (and, with {@code demo}, once the demo's result is printed)
 * @param demo         start the judge simulator and run the demo: SFT → AI labels → reward model → RL → verdict
 * @param judgePort    the judge simulator's port (demo only)
 */
record LocalOptions(Path dataDir, boolean fresh, int kafkaPort, int postgresPort, int basePort, boolean exit,
                    boolean demo, int judgePort) {

    static final String USAGE = """
            Usage: java -jar local/target/rlaif-local.jar [options]
                   java -jar local/target/rlaif-local.jar experiments [--quick] [--reports-dir=DIR] [options]
              --data-dir=DIR        data directory (default .rlaif-local)
              --fresh               delete the data directory first
              --kafka-port=N        Kafka client port (default 9092; the KRaft controller uses N+1)
              --postgres-port=N     embedded PostgreSQL port (default 5433)
              --base-port=N         services on N+1..N+4: labeler, reward, trainer, eval (default 8080)
              --demo                also start the judge simulator and run the demo RLAIF run, then print its verdict
              --judge-port=N        judge simulator port for --demo (default 8090)
              --exit                stop after everything is up (with --demo: after the verdict)
              --help                this text
            experiments: start the platform (free ports and a fresh .rlaif-local/experiments/ unless given) and judge
            simulators xs, s and l, run SFT, RLHF, RLAIF, d-RLAIF, RLAIF with the xs labeler and the labeling
            ablations with fixed seeds, and write reports/<date>/report.md with PNG charts
              --quick               small sizes (minutes on 2 cores) instead of the demo run's sizes
              --reports-dir=DIR     where <date>/report.md goes (default reports)""";

    static LocalOptions parse(String... args) {
        Path dataDir = Path.of(".rlaif-local");
        boolean fresh = false;
        boolean exit = false;
        int kafkaPort = 9092;
        int postgresPort = 5433;
        int basePort = 8080;
        boolean demo = false;
        int judgePort = 8090;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "--data-dir" -> dataDir = Path.of(value(kv));
                case "--fresh" -> fresh = true;
                case "--exit" -> exit = true;
                case "--demo" -> demo = true;
                case "--judge-port" -> judgePort = port(kv);
                case "--kafka-port" -> kafkaPort = port(kv);
                case "--postgres-port" -> postgresPort = port(kv);
                case "--base-port" -> basePort = port(kv);
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return new LocalOptions(dataDir, fresh, kafkaPort, postgresPort, basePort, exit, demo, judgePort);
    }

    private static String value(String[] kv) {
        if (kv.length < 2 || kv[1].isBlank()) {
            throw new IllegalArgumentException("Option " + kv[0] + " needs a value, as in " + kv[0] + "=...\n" + USAGE);
        }
        return kv[1];
    }

    private static int port(String[] kv) {
        try {
            int port = Integer.parseInt(value(kv));
            if (port < 1 || port > 65_530) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kv[0] + " must be a port number between 1 and 65530\n" + USAGE);
        }
    }
}
