package dev.rlaif.judge;

import dev.rlaif.judge.client.LlmClient;
import dev.rlaif.judge.labeling.LabelingSettings;
import dev.rlaif.judge.labeling.PreferenceLabeler;
import dev.rlaif.judge.labeling.RlaifPreferenceLabeler;
import dev.rlaif.judge.constitution.ConstitutionalLabeler;

/** The labeler a run's settings ask for. */
public final class PreferenceLabelers {

    private PreferenceLabelers() {
    }

    public static PreferenceLabeler forSettings(LlmClient client, LabelingSettings settings) {
        return switch (settings.method()) {
            case RLAIF -> new RlaifPreferenceLabeler(client, settings);
            case CONSTITUTIONAL -> new ConstitutionalLabeler(client, settings);
        };
    }
}
