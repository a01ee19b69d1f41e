package ir.hamyar.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

public final class Conclusion {

    private final String type;
    private final String subject;
    private final String value;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final Map<String, Object> because = new LinkedHashMap<>();

    private Conclusion(String type, String subject, String value) {
        this.type = type;
        this.subject = subject;
        this.value = value;
    }

    public static Conclusion of(String type, String subject, String value) {
        return new Conclusion(type, subject, value);
    }

    public Conclusion because(String name, Object value) {
        because.put(name, value);
        return this;
    }

    public Conclusion detail(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public LocalDate date(String name) {
        return details.get(name) instanceof LocalDate date ? date : null;
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
        return details;
    }

    public Map<String, Object> getBecause() {
        return because;
    }
}
