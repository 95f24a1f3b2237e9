package dev.rlaif.common.kafka;

import java.util.List;

/** Every Kafka topic of the platform. Failed records go to {@code <topic>.DLT}. */
public final class Topics {

    public static final String RUN_EVENTS = "rlaif.run.events";
    public static final String STAGE_COMMANDS = "rlaif.stage.commands";
    public static final String STAGE_EVENTS = "rlaif.stage.events";
    public static final String LABEL_REQUESTS = "rlaif.label.requests";
    public static final String LABEL_RESULTS = "rlaif.label.results";
    public static final String REWARD_REQUESTS = "rlaif.reward.requests";
    public static final String REWARD_RESULTS = "rlaif.reward.results";
    public static final String EVAL_REQUESTS = "rlaif.eval.requests";
    public static final String EVAL_RESULTS = "rlaif.eval.results";
    public static final String RUN_PROGRESS = "rlaif.run.progress";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(RUN_EVENTS, STAGE_COMMANDS, STAGE_EVENTS, LABEL_REQUESTS,
            LABEL_RESULTS, REWARD_REQUESTS, REWARD_RESULTS, EVAL_REQUESTS, EVAL_RESULTS, RUN_PROGRESS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
