package ir.hamyar.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import ir.hamyar.decision.DryRun;
import ir.hamyar.decision.DryRunResponse;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.profile.Enums;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.DraftReport;
import ir.hamyar.ruleset.RulesetChanges;
import ir.hamyar.ruleset.RulesetDrafts;
import ir.hamyar.ruleset.RulesetStatus;
import ir.hamyar.ruleset.RulesetVersion;
import ir.hamyar.ruleset.RulesetVersions;
import ir.hamyar.ruleset.StoredRulesets;
import ir.hamyar.scenario.InventedProfile;
import ir.hamyar.scenario.SavedScenario;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Try a profile": a profile (pasted JSON, a sample to start from) evaluated under the active version or any draft
 * through the dry run, nothing recorded; the answer with its reasons and the rules fired in order, each linked to its
 * text; and "save as scenario", which adds it with its answer as expectation to a draft on top of that version.
 */
@Path("/console/try")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.POLICY, Roles.ADMIN})
public class TryPages {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleRequest console;
    private final DryRun dryRun;
    private final ActiveRuleset active;
    private final RulesetVersions versions;
    private final StoredRulesets rulesets;
    private final RulesetDrafts drafts;
    private final Template page;

    public TryPages(
            ConsoleRequest console,
            DryRun dryRun,
            ActiveRuleset active,
            RulesetVersions versions,
            StoredRulesets rulesets,
            RulesetDrafts drafts,
            @Location("console/try.html") Template page) {
        this.console = console;
        this.dryRun = dryRun;
        this.active = active;
        this.versions = versions;
        this.rulesets = rulesets;
        this.drafts = drafts;
        this.page = page;
    }

    @GET
    public TemplateInstance form(@QueryParam("version") Integer version, @QueryParam("kind") String kind) {
        ProfileKind chosen = ProfileKind.fromWireName(kind).orElse(ProfileKind.FAMILY);
        return page(version == null ? active.current().version() : version, chosen, sample(chosen), null, null);
    }

    @POST
    public TemplateInstance evaluate(
            @RestForm Integer version,
            @RestForm String kind,
            @RestForm String profile,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        return evaluate(version == null ? active.current().version() : version, kind(kind), ConsoleInput.text(profile));
    }

    private TemplateInstance evaluate(int version, ProfileKind kind, String profile) {
        try {
            return page(version, kind, profile, dryRun.evaluate(version, kind, bytes(profile)), null);
        } catch (ProblemException e) {
            return page(version, kind, profile, null, e.problem());
        }
    }

    private List<String> indicatorCodes(int version) {
        return List.copyOf(rulesets.compiled(version).indicators().all().keySet());
    }

    /** The family form: the profile it makes is shown as JSON beside the answer, ready to edit or save. */
    @POST
    @Path("family")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance evaluateFamilyForm(MultivaluedMap<String, String> form) {
        console.requireCsrf(form.getFirst(ConsoleRequest.CSRF_FIELD));
        String version = form.getFirst("version");
        int number = version == null ? active.current().version() : active.number(version);
        String profile;
        try {
            profile = FamilyForm.profile(form, indicatorCodes(number));
        } catch (ProblemException e) {
            return page(number, ProfileKind.FAMILY, sample(ProfileKind.FAMILY), null, e.problem());
        }
        return evaluate(number, ProfileKind.FAMILY, profile);
    }

    /**
     * Saves the tried profile as a scenario of a new draft — never as it was tried: a real person's profile would stay
     * in an immutable version for good. The officer confirms it is invented; its refs are replaced and its dates moved
     * by a whole number of Solar Hijri years, and it is kept only if the version answers it as it answered the tried
     * one (the scenario then tests the same thing).
     */
    @POST
    @Path("scenario")
    public Response saveAsScenario(
            @RestForm Integer version,
            @RestForm String kind,
            @RestForm String profile,
            @RestForm String name,
            @RestForm String invented,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        ProfileKind chosen = kind(kind);
        if (version == null) {
            throw new InvalidInputException(new FieldError("version", "is required"));
        }
        if (!"yes".equals(invented)) {
            throw new InvalidInputException(new FieldError(
                    "invented", "confirm that the profile is invented, not a real person's, before it is kept"));
        }
        String text = ConsoleInput.text(profile);
        DryRunResponse tried = dryRun.evaluate(version, chosen, bytes(text));
        InventedProfile given = invent(version, chosen, StrictJson.parse(bytes(text), JsonLimits.PROFILE), tried);
        SavedScenario scenario = new SavedScenario(
                chosen.wireName(),
                ConsoleInput.text(name),
                given.profile(),
                dryRun.evaluate(version, chosen, bytes(given.profile().toString()))
                        .conclusions());
        RuleTree tree = versions.tree(version);
        String existing = tree.files().containsKey(scenario.path()) ? tree.text(scenario.path()) : null;
        DraftReport report = drafts.fromChanges(
                RulesetChanges.of(
                        version,
                        Map.of(scenario.path(), scenario.appendTo(existing)),
                        "scenario saved from the console: " + scenario.name().strip()),
                console.getUser());
        return Response.seeOther(URI.create("/console/versions/" + report.version()))
                .build();
    }

    /** The tried profile invented anew, its dates moved by 1 to 5 years back, the first move the version answers alike. */
    private InventedProfile invent(int version, ProfileKind kind, JsonNode tried, DryRunResponse answer) {
        List<Integer> years = new ArrayList<>(List.of(-1, -2, -3, -4, -5));
        Collections.shuffle(years, RANDOM);
        for (int moved : years) {
            InventedProfile invented = InventedProfile.of(tried, moved);
            DryRunResponse again =
                    dryRun.evaluate(version, kind, bytes(invented.profile().toString()));
            if (outcomes(again, ref -> ref).equals(outcomes(answer, invented::renamed))) {
                return invented;
            }
        }
        throw new InvalidInputException(new FieldError(
                "profile",
                "moved by whole years, this profile is answered otherwise (its dates meet a parameter's change):"
                        + " type an invented profile instead"));
    }

    /** What an answer concludes, each subject as the invented profile calls it, as a multiset. */
    private static List<String> outcomes(DryRunResponse answer, UnaryOperator<String> rename) {
        return answer.conclusions().stream()
                .map(c -> c.type() + " " + rename.apply(c.subject()) + " " + c.value())
                .sorted()
                .toList();
    }

    private TemplateInstance page(
            int version, ProfileKind kind, String profile, DryRunResponse answer, Problem problem) {
        List<RulesetVersion> choices = versions.all().stream()
                .filter(v -> v.status() == RulesetStatus.ACTIVE
                        || v.status() == RulesetStatus.DRAFT
                        || v.version() == version)
                .toList();
        CompiledRuleset ruleset = rulesets.compiled(version);
        return page.data("c", console)
                .data("version", version)
                .data("kind", kind.wireName())
                .data(
                        "kinds",
                        Arrays.stream(ProfileKind.values())
                                .map(ProfileKind::wireName)
                                .toList())
                .data("choices", choices)
                .data("profile", profile)
                .data("answer", answer)
                .data("rules", answer == null ? Map.of() : ruleset.rules())
                .data("indicators", ruleset.indicators().all().values())
                .data("rows", IntStream.range(0, FamilyForm.MEMBER_ROWS).boxed().toList())
                .data("roles", names(Enums.Role.values()))
                .data("sexes", names(Enums.Sex.values()))
                .data("circumstances", names(Enums.Circumstance.values()))
                .data("categories", names(Enums.CaseworkCategory.values()))
                .data("problem", problem);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static ProfileKind kind(String kind) {
        return ProfileKind.fromWireName(kind)
                .orElseThrow(() ->
                        new InvalidInputException(new FieldError("kind", "must be one of " + ProfileKind.wireNames())));
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    private static String sample(ProfileKind kind) {
        String resource = "console/samples/" + kind.wireName() + ".json";
        try (InputStream in = TryPages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? "{}" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
