package dev.rlaif.testbed.tasks;

/** One event a good summary must report: who did what to how many of which thing, where and when. */
public record KeyFact(String person, String verb, String quantity, String object, String place, String time) {

    /** The sentence a post states this fact with. */
    public String postSentence() {
        return "my " + person + " " + verb + " " + objectPhrase() + " at the " + place + " " + timePhrase() + " .";
    }

    /** The clause a concise summary reports it with (place and time are optional detail). */
    public String summaryClause() {
        return person + " " + verb + " " + objectPhrase() + " .";
    }

    /** The clause with place and time: correct, but longer. */
    public String detailedClause() {
        return person + " " + verb + " " + objectPhrase() + " at the " + place + " " + timePhrase() + " .";
    }

    public String objectPhrase() {
        return quantity + " " + (quantity.equals("one") ? object : SummLexicon.plural(object));
    }

    private String timePhrase() {
        return SummLexicon.TIMES.indexOf(time) < 7 ? "on " + time : time;
    }
}
