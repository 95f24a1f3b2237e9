package dev.rlaif.eval.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Number, time and name formatting for the page templates ({@code ${@fmt.pct(x)}}); a dash for what is missing. */
@Component("fmt")
public class PageFormat {

    private static final String NONE = "–";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> JUDGES = Map.of("ai", "AI judge", "simulated-human", "Simulated humans",
            "human", "Human raters");

    /** {@code 0.7421} → {@code 74.2 %}. */
    public String pct(Double fraction) {
        return missing(fraction) ? NONE : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    public String num(Double value, int digits) {
        return missing(value) ? NONE : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** A stage metric: whole numbers (counts) as such, others with {@code digits} decimals. */
    public String metric(Double value, int digits) {
        if (!missing(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return num(value, digits);
    }

    /** A fraction as a CSS percentage ({@code width: …%}), clamped to [0, 100]. */
    public String css(Double fraction) {
        return missing(fraction) ? "0" : String.format(Locale.ROOT, "%.2f", 100 * Math.clamp(fraction, 0.0, 1.0));
    }

    public String when(Instant time) {
        return time == null ? NONE : WHEN.format(time);
    }

    /** {@code simulated-human} → {@code Simulated humans}. */
    public String judge(String judge) {
        return JUDGES.getOrDefault(judge, judge);
    }

    private static boolean missing(Double value) {
        return value == null || value.isNaN();
    }
}
