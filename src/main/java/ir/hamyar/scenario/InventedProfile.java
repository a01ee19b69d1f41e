package ir.hamyar.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ir.hamyar.calendar.CalendarSystem;
import ir.hamyar.calendar.InvalidDateException;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.calendar.SolarHijriDate;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tried profile made into one no real person has (contract v1.2, "Privacy changes"): its subject's ref replaced by a
 * synthetic one, every member's ref by {@code m1}, {@code m2}, ... (wherever the profile names it), and every date moved
 * by the same whole number of Solar Hijri years, so that ages and durations — what the rules read — stay as they were.
 */
public final class InventedProfile {

    /** The fields that name a profile's subject. */
    static final Set<String> SUBJECT_REFS = Set.of("familyRef", "groupRef", "helperRef");

    private static final Pattern DATE = Pattern.compile("[0-9۰-۹٠-٩]{4}[-/][0-9۰-۹٠-٩]{1,2}[-/][0-9۰-۹٠-٩]{1,2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectNode profile;
    private final String subjectRef;
    private final Map<String, String> refs;

    private InventedProfile(ObjectNode profile, String subjectRef, Map<String, String> refs) {
        this.profile = profile;
        this.subjectRef = subjectRef;
        this.refs = refs;
    }

    /** The profile invented anew, its dates moved by {@code years} (a whole number of Solar Hijri years). */
    public static InventedProfile of(JsonNode tried, int years) {
        ObjectNode profile = tried.deepCopy();
        Map<String, String> refs = new HashMap<>();
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String subject = "SYN-" + HexFormat.of().formatHex(random).toUpperCase();
        SUBJECT_REFS.forEach(field -> {
            if (profile.path(field).isTextual()) {
                refs.put(profile.path(field).asText(), subject);
            }
        });
        int[] member = {0};
        profile.path("members").forEach(each -> {
            if (each.path("ref").isTextual()) {
                refs.putIfAbsent(each.path("ref").asText(), "m" + ++member[0]);
            }
        });
        CalendarSystem calendar =
                "JALALI".equals(profile.path("calendar").asText()) ? CalendarSystem.JALALI : CalendarSystem.GREGORIAN;
        rewrite(profile, refs, calendar, years);
        return new InventedProfile(profile, subject, Map.copyOf(refs));
    }

    public ObjectNode profile() {
        return profile;
    }

    public String subjectRef() {
        return subjectRef;
    }

    /** What a ref of the tried profile (a member's, the subject's) is called in the invented one. */
    public String renamed(String ref) {
        return ref == null ? null : refs.getOrDefault(ref, ref);
    }

    /** Every text that is a ref replaced, every date moved; the same ref the same way wherever it is named. */
    private static void rewrite(JsonNode node, Map<String, String> refs, CalendarSystem calendar, int years) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    field.setValue(replaced(value.asText(), refs, calendar, years));
                } else {
                    rewrite(value, refs, calendar, years);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    array.set(i, replaced(value.asText(), refs, calendar, years));
                } else {
                    rewrite(value, refs, calendar, years);
                }
            }
        }
    }

    private static TextNode replaced(String text, Map<String, String> refs, CalendarSystem calendar, int years) {
        if (refs.containsKey(text)) {
            return TextNode.valueOf(refs.get(text));
        }
        if (DATE.matcher(text).matches()) {
            try {
                LocalDate moved = SolarHijri.plusYears(calendar.parse(text), years);
                return TextNode.valueOf(calendar == CalendarSystem.JALALI ? jalali(moved) : moved.toString());
            } catch (InvalidDateException e) {
                return TextNode.valueOf(text); // not a date the profile could have had: left for the check to refuse
            }
        }
        return TextNode.valueOf(text);
    }

    private static String jalali(LocalDate day) {
        SolarHijriDate date = SolarHijri.of(day);
        return String.format("%04d/%02d/%02d", date.year(), date.month(), date.day());
    }
}
