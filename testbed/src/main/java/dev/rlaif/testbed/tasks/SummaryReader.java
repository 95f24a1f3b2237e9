package dev.rlaif.testbed.tasks;

/**
 * How a reader perceives a post and a summary. The gold reader is exact; a simulated judge is not:
 * it overlooks facts, mistakes plans for events and misses wrong details.
 */
public interface SummaryReader {

    /** The exact reader the simulated humans' utility uses. */
    SummaryReader EXACT = new SummaryReader() {
        @Override
        public boolean notices(KeyFact fact) {
            return true;
        }

        @Override
        public boolean takesPlanAsFact(Clause plan) {
            return false;
        }

        @Override
        public boolean catchesWrongDetail(Clause clause, KeyFact fact) {
            return true;
        }
    };

    boolean notices(KeyFact fact);

    boolean takesPlanAsFact(Clause plan);

    boolean catchesWrongDetail(Clause clause, KeyFact fact);
}
