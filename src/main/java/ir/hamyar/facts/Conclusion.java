package ir.hamyar.facts;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule concludes about a subject: {@code type}, {@code subject} (a profile's or member's ref) and
 * {@code value}, with optional {@code details} returned to the caller. {@code because} values only fill the
 * placeholders of the rule's reasons. The engine attaches the concluding rule and its reasons when it is inserted.
 */
public final class Conclusion {

    private final String type;
    private final String subject;
    private final String value;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final Map<String, Object> because = new LinkedHashMap<>();
    private boolean drawn;

    private Conclusion(String type, String subject, String value) {
        this.type = type;
        this.subject = subject;
        this.value = value;
    }

    public static Conclusion of(String type, String subject, String value) {
        return new Conclusion(type, subject, value);
    }

    public Conclusion detail(String name, Object detailValue) {
        checkNotDrawn();
        details.put(name, detailValue);
        return this;
    }

    public Conclusion because(String name, Object reasonValue) {
        checkNotDrawn();
        because.put(name, reasonValue);
        return this;
    }

    /**
     * Marks the conclusion as drawn (the engine does, when a rule inserts it): from then on no rule may add to it, so
     * that a rule matching another's conclusion cannot rewrite what that rule concluded.
     */
    public void drawn() {
        drawn = true;
    }

    private void checkNotDrawn() {
        if (drawn) {
            throw new IllegalStateException("a conclusion cannot be changed once it is drawn");
        }
    }

    public String getType() {
        return type;
    }

    public String getSubject() {
        return subject;
    }

    public String getValue() {
        return value;
    }

    public Map<String, Object> getDetails() {
        return Collections.unmodifiableMap(details);
    }

    public Map<String, Object> getBecause() {
        return Collections.unmodifiableMap(because);
    }

    /** A date detail, e.g. {@code exitOn}; {@code null} when absent. */
    public LocalDate date(String name) {
        return (LocalDate) details.get(name);
    }

    @Override
    public String toString() {
        return type + "(" + subject + ")=" + value;
    }
}
