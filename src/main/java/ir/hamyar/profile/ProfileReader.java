package ir.hamyar.profile;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.facts.Casework;
import ir.hamyar.facts.Domain;
import ir.hamyar.facts.Family;
import ir.hamyar.facts.Group;
import ir.hamyar.facts.GroupMember;
import ir.hamyar.facts.Helper;
import ir.hamyar.facts.Member;
import ir.hamyar.facts.SafeHouseRequest;
import ir.hamyar.facts.Score;
import ir.hamyar.json.StrictJson;
import ir.hamyar.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Turns a request body into the facts of one profile, or an {@link ir.hamyar.problem.InvalidInputException} naming
 * every field that breaks the contract: shape and types (strict JSON), simple constraints (Bean Validation), then
 * dates, cross-field rules and the indicator catalogue of the ruleset that will decide.
 */
public final class ProfileReader {

    private static final int MIN_SCORE = 1;
    private static final int MAX_SCORE = 5;
    private static final int DEFAULT_REQUESTED_MONTHS = 4;

    private final Validator validator = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    public ReadProfile read(ProfileKind kind, JsonNode body, String prefix, IndicatorCodes catalogue, LocalDate today) {
        List<FieldError> unknownFields = new ArrayList<>();
        Object wire = StrictJson.bind(body, kind.wireType(), prefix, unknownFields);
        FieldErrors errors = new FieldErrors(prefix);
        if (wire == null) {
            errors.add("", "must be a JSON object");
            errors.throwIfAny();
        }
        errors.addPrefixed(unknownFields);
        errors.addAll(constraintErrors(wire));
        ReadProfile profile =
                switch (kind) {
                    case FAMILY -> family((FamilyProfile) wire, catalogue, today, errors);
                    case GROUP -> group((GroupProfile) wire, today, errors);
                    case HELPER -> helper((HelperProfile) wire, today, errors);
                };
        errors.throwIfAny();
        return profile;
    }

    private List<FieldError> constraintErrors(Object wire) {
        return validator.validate(wire).stream()
                .map(violation -> new FieldError(fieldPath(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    private static ReadProfile family(
            FamilyProfile wire, IndicatorCodes catalogue, LocalDate today, FieldErrors errors) {
        DateFields dates = new DateFields(wire.calendar(), errors);
        LocalDate assessedOn = dates.assessedOn(wire.assessedOn(), today);
        List<Object> facts = new ArrayList<>();
        List<FamilyProfile.Member> members = Objects.requireNonNullElse(wire.members(), List.of());
        checkUniqueRefs(members.stream().map(m -> m == null ? null : m.ref()).toList(), errors);
        for (int i = 0; i < members.size(); i++) {
            FamilyProfile.Member member = members.get(i);
            if (member == null) {
                continue;
            }
            LocalDate birthDate = dates.readNotAfter("members[" + i + "].birthDate", member.birthDate(), assessedOn);
            if (member.role() != null && member.sex() != null && birthDate != null) {
                facts.add(new Member(
                        member.ref(),
                        member.role().name(),
                        member.sex().name(),
                        birthDate,
                        !Boolean.FALSE.equals(member.inCustody())));
            }
        }
        Map<String, Integer> indicators = indicators(wire.indicators(), catalogue, errors);
        Set<String> circumstances = new LinkedHashSet<>();
        Objects.requireNonNullElse(wire.circumstances(), List.<Enums.Circumstance>of()).stream()
                .filter(Objects::nonNull)
                .forEach(circumstance -> circumstances.add(circumstance.name()));
        facts.add(new Family(wire.familyRef(), assessedOn, indicators, circumstances, catalogue.size()));
        facts.addAll(scoresAndDomains(indicators, catalogue));
        if (wire.safeHouse() != null) {
            safeHouse(wire.safeHouse(), members, dates, errors, facts);
        }
        if (wire.casework() != null) {
            casework(wire.casework(), dates, assessedOn, errors, facts);
        }
        return new ReadProfile(ProfileKind.FAMILY, wire.familyRef(), assessedOn, facts, dates.read());
    }

    private static Map<String, Integer> indicators(
            Map<String, Integer> scores, IndicatorCodes catalogue, FieldErrors errors) {
        Map<String, Integer> indicators = new LinkedHashMap<>();
        if (scores == null) {
            return indicators;
        }
        scores.forEach((code, score) -> {
            if (!catalogue.contains(code)) {
                errors.add("indicators." + code, "is not in the indicator catalogue of the active ruleset");
            } else if (score != null && (score < MIN_SCORE || score > MAX_SCORE)) {
                errors.add("indicators." + code, "must be an integer from 1 to 5, or null for not applicable");
            } else {
                indicators.put(code, score);
            }
        });
        return indicators;
    }

    /** Each answered indicator as a {@link Score} of its domain, and every domain of the catalogue. */
    private static List<Object> scoresAndDomains(Map<String, Integer> indicators, IndicatorCodes catalogue) {
        List<Object> facts = new ArrayList<>();
        indicators.forEach((code, score) -> {
            if (score != null) {
                facts.add(new Score(code, catalogue.domainOf(code), score));
            }
        });
        catalogue.domains().forEach(domain -> facts.add(new Domain(domain)));
        return facts;
    }

    private static void safeHouse(
            FamilyProfile.SafeHouse request,
            List<FamilyProfile.Member> members,
            DateFields dates,
            FieldErrors errors,
            List<Object> facts) {
        boolean applicantIsMember = members.stream()
                .anyMatch(member -> member != null && Objects.equals(member.ref(), request.applicantRef()));
        if (request.applicantRef() != null && !applicantIsMember) {
            errors.add("safeHouse.applicantRef", "must be the ref of a member of the family");
        }
        LocalDate admissionOn = dates.read("safeHouse.admissionOn", request.admissionOn());
        if (applicantIsMember && admissionOn != null) {
            facts.add(new SafeHouseRequest(
                    request.applicantRef(),
                    admissionOn,
                    Objects.requireNonNullElse(request.requestedMonths(), DEFAULT_REQUESTED_MONTHS),
                    Boolean.TRUE.equals(request.immediateDanger())));
        }
    }

    private static void casework(
            FamilyProfile.Casework casework,
            DateFields dates,
            LocalDate assessedOn,
            FieldErrors errors,
            List<Object> facts) {
        if (casework.monthlyPensionToman() != null && casework.lastPensionChangeOn() == null) {
            errors.add("casework.lastPensionChangeOn", "is required when monthlyPensionToman is given");
        }
        LocalDate lastPensionChangeOn =
                dates.readNotAfter("casework.lastPensionChangeOn", casework.lastPensionChangeOn(), assessedOn);
        LocalDate lastHomeVisitOn =
                dates.readNotAfter("casework.lastHomeVisitOn", casework.lastHomeVisitOn(), assessedOn);
        if (casework.category() != null) {
            facts.add(new Casework(
                    casework.category().name(), casework.monthlyPensionToman(), lastPensionChangeOn, lastHomeVisitOn));
        }
    }

    private static ReadProfile group(GroupProfile wire, LocalDate today, FieldErrors errors) {
        DateFields dates = new DateFields(wire.calendar(), errors);
        LocalDate assessedOn = dates.assessedOn(wire.assessedOn(), today);
        LocalDate startedOn = dates.readNotAfter("startedOn", wire.startedOn(), assessedOn);
        LocalDate registeredOn = dates.readNotAfter("registeredOn", wire.registeredOn(), assessedOn);
        LocalDate registrationFiledOn =
                dates.readNotAfter("registrationFiledOn", wire.registrationFiledOn(), assessedOn);
        List<Object> facts = new ArrayList<>();
        List<GroupProfile.Member> members = Objects.requireNonNullElse(wire.members(), List.of());
        checkUniqueRefs(members.stream().map(m -> m == null ? null : m.ref()).toList(), errors);
        for (int i = 0; i < members.size(); i++) {
            GroupProfile.Member member = members.get(i);
            if (member == null) {
                continue;
            }
            LocalDate birthDate = dates.readNotAfter("members[" + i + "].birthDate", member.birthDate(), assessedOn);
            if (birthDate != null && member.careStatus() != null) {
                facts.add(new GroupMember(
                        member.ref(),
                        birthDate,
                        member.careStatus().name(),
                        Boolean.TRUE.equals(member.maturityRuling()),
                        Boolean.TRUE.equals(member.committeeApproved())));
            }
        }
        facts.add(new Group(
                wire.groupRef(),
                assessedOn,
                startedOn,
                registeredOn,
                registrationFiledOn,
                Boolean.TRUE.equals(wire.facilitatorAssigned())));
        return new ReadProfile(ProfileKind.GROUP, wire.groupRef(), assessedOn, facts, dates.read());
    }

    private static ReadProfile helper(HelperProfile wire, LocalDate today, FieldErrors errors) {
        DateFields dates = new DateFields(wire.calendar(), errors);
        LocalDate assessedOn = dates.assessedOn(wire.assessedOn(), today);
        LocalDate serviceYearStartedOn =
                dates.readNotAfter("serviceYearStartedOn", wire.serviceYearStartedOn(), assessedOn);
        List<Object> facts = new ArrayList<>();
        if (errors.isEmpty()) {
            facts.add(new Helper(
                    wire.helperRef(),
                    assessedOn,
                    serviceYearStartedOn,
                    wire.preServiceTrainingHours(),
                    wire.inServiceTrainingHours(),
                    wire.focusedFamilies()));
        }
        return new ReadProfile(ProfileKind.HELPER, wire.helperRef(), assessedOn, facts, dates.read());
    }

    private static void checkUniqueRefs(List<String> refs, FieldErrors errors) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            if (ref == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(ref, i);
            if (first != null) {
                errors.add("members[" + i + "].ref", "must be unique; members[" + first + "] has the same ref");
            }
        }
    }
}
