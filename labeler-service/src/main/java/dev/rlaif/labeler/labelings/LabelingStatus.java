package dev.rlaif.labeler.labelings;

/** A labeling job's state: RUNNING until every pair is labeled or has failed, then COMPLETED. */
public enum LabelingStatus {
    RUNNING, COMPLETED
}
