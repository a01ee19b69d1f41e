package ir.hamyar.clientcheck;

import ir.hamyar.client.ApiClient;
import ir.hamyar.client.ApiException;
import ir.hamyar.client.api.DecisionsApi;
import ir.hamyar.client.model.CalendarSystem;
import ir.hamyar.client.model.Circumstance;
import ir.hamyar.client.model.Conclusion;
import ir.hamyar.client.model.Decision;
import ir.hamyar.client.model.FamilyMember;
import ir.hamyar.client.model.FamilyProfile;
import ir.hamyar.client.model.FieldError;
import ir.hamyar.client.model.Problem;
import ir.hamyar.client.model.Role;
import ir.hamyar.client.model.SafeHouseRequest;
import ir.hamyar.client.model.Sex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What an integrator writes against the client generated from the live API description, used as generated: a family
 * decision, the same decision read back by its id, and a refusal read as a problem. Compiled and run by
 * GeneratedClientTest; it answers what it saw, one fact a line.
 */
public final class ClientScenario {

    private ClientScenario() {}

    public static List<String> run(String baseUri, String user, String password, String familyRef) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        DecisionsApi decisions = new DecisionsApi(client);
        List<String> seen = new ArrayList<>();

        FamilyProfile family = new FamilyProfile()
                .familyRef(familyRef)
                .assessedOn("2026-11-20")
                .addMembersItem(new FamilyMember().ref("m1").role(Role.HEAD).sex(Sex.FEMALE).birthDate("1990-04-02"))
                .addMembersItem(new FamilyMember().ref("m2").role(Role.CHILD).sex(Sex.MALE).birthDate("2013-11-21"))
                .putIndicatorsItem("SAFETY", 1)
                .putIndicatorsItem("HOUSING", null)
                .addCircumstancesItem(Circumstance.DOMESTIC_VIOLENCE)
                .safeHouse(new SafeHouseRequest().applicantRef("m1").admissionOn("2026-11-21").immediateDanger(true));
        Decision decision = decisions.decideFamily(family, null);
        seen.add("decided " + decision.getDecisionId() + " under version " + decision.getRuleset().getVersion());
        for (Conclusion conclusion : decision.getConclusions()) {
            seen.add("concluded " + conclusion.getType() + " " + conclusion.getSubject() + " " + conclusion.getValue());
        }

        Decision readBack = decisions.recordedDecision(decision.getDecisionId().toString());
        seen.add("read back " + readBack.getDecisionId() + " with " + readBack.getConclusions().size() + " conclusions");

        FamilyProfile impossibleDate = new FamilyProfile()
                .familyRef(familyRef)
                .calendar(CalendarSystem.JALALI)
                .addMembersItem(new FamilyMember().ref("m1").role(Role.HEAD).sex(Sex.FEMALE).birthDate("1404-12-30"));
        try {
            decisions.decideFamily(impossibleDate, null);
            seen.add("an impossible date was accepted");
        } catch (ApiException e) {
            Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            for (FieldError error : problem.getErrors()) {
                seen.add("refused " + e.getCode() + " " + problem.getStatus() + " " + error.getField());
            }
        }
        return seen;
    }
}
