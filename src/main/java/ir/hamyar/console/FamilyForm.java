package ir.hamyar.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.hamyar.json.Json;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;

/**
 * The family form of "try a profile" turned into the profile JSON an intake system would send: members by row,
 * indicators scored from their anchors (or "does not apply"), circumstances, the safe-house request and casework.
 * Dates may be typed in Solar Hijri or ISO and in any digits; they are sent in ISO. Blank rows and sections are left
 * out; what is typed is checked by the same strict reading as any profile, so the form adds no rule of its own.
 */
final class FamilyForm {

    static final int MEMBER_ROWS = 6;
    static final String NOT_APPLICABLE = "na";
    private static final Set<String> SCORES = Set.of("1", "2", "3", "4", "5");

    private FamilyForm() {}

    static String profile(MultivaluedMap<String, String> form, List<String> indicatorCodes) {
        ObjectNode profile = Json.MAPPER.createObjectNode();
        profile.put("familyRef", value(form, "familyRef"));
        date(form, "assessedOn", profile, "assessedOn");
        ArrayNode members = profile.putArray("members");
        for (int row = 0; row < MEMBER_ROWS; row++) {
            String prefix = "members[" + row + "].";
            if (value(form, prefix + "ref") == null && value(form, prefix + "birthDate") == null) {
                continue;
            }
            ObjectNode member = members.addObject();
            member.put("ref", value(form, prefix + "ref"));
            member.put("role", value(form, prefix + "role"));
            member.put("sex", value(form, prefix + "sex"));
            date(form, prefix + "birthDate", member, "birthDate");
            member.put("inCustody", form.containsKey(prefix + "inCustody"));
        }
        ObjectNode indicators = Json.MAPPER.createObjectNode();
        for (String code : indicatorCodes) {
            String score = value(form, "indicators." + code);
            if (NOT_APPLICABLE.equals(score)) {
                indicators.putNull(code);
            } else if (score != null && SCORES.contains(score)) {
                indicators.put(code, Integer.parseInt(score));
            }
        }
        if (!indicators.isEmpty()) {
            profile.set("indicators", indicators);
        }
        List<String> circumstances = form.get("circumstances");
        if (circumstances != null && !circumstances.isEmpty()) {
            ArrayNode list = profile.putArray("circumstances");
            circumstances.forEach(list::add);
        }
        if (value(form, "safeHouse.applicantRef") != null) {
            ObjectNode safeHouse = profile.putObject("safeHouse");
            safeHouse.put("applicantRef", value(form, "safeHouse.applicantRef"));
            date(form, "safeHouse.admissionOn", safeHouse, "admissionOn");
            number(form, "safeHouse.requestedMonths", safeHouse, "requestedMonths");
            safeHouse.put("immediateDanger", form.containsKey("safeHouse.immediateDanger"));
        }
        if (value(form, "casework.category") != null) {
            ObjectNode casework = profile.putObject("casework");
            casework.put("category", value(form, "casework.category"));
            number(form, "casework.monthlyPensionToman", casework, "monthlyPensionToman");
            date(form, "casework.lastPensionChangeOn", casework, "lastPensionChangeOn");
            date(form, "casework.lastHomeVisitOn", casework, "lastHomeVisitOn");
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile of strings and numbers is always written", e);
        }
    }

    private static void date(MultivaluedMap<String, String> form, String field, ObjectNode into, String name) {
        String typed = value(form, field);
        if (typed != null) {
            into.put(name, ConsoleInput.date(typed, field).toString());
        }
    }

    private static void number(MultivaluedMap<String, String> form, String field, ObjectNode into, String name) {
        String typed = value(form, field);
        if (typed != null) {
            into.put(name, ConsoleInput.number(typed, field));
        }
    }

    private static String value(MultivaluedMap<String, String> form, String field) {
        String typed = ConsoleInput.text(form.getFirst(field));
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
