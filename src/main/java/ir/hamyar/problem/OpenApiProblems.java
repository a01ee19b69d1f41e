package ir.hamyar.problem;

import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares in the API description the problem+json answers every operation can give, so that a generated client
 * knows them: 400, 401, 403, 404, 429, 500 and 503 everywhere, 413 and 415 where a body is read, 409 for decisions
 * and rulesets. An operation that declares one itself keeps its own.
 */
public class OpenApiProblems implements OASFilter {

    private static final Map<String, String> EVERYWHERE = Map.of(
            "400", "Invalid input: every offending field is named in errors",
            "401", "Authentication required",
            "403", "The caller's role does not allow this operation",
            "404", "No such resource, or none the caller may see",
            "429", "Too many failed sign-ins from this address or for this user name: wait Retry-After seconds",
            "500", "The service failed; the detail gives an error id to report",
            "503", "Not ready or the database unreachable; retry later");
    private static final Map<String, String> WITH_A_BODY = Map.of(
            "413", "The body is larger than this operation's limit",
            "415", "The body is not UTF-8 JSON (or is compressed)");
    private static final String CONFLICT =
            "A conflict: an Idempotency-Key used for another request, or a version that cannot do this";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        EVERYWHERE.forEach(addTo(responses));
        if (operation.getRequestBody() != null) {
            WITH_A_BODY.forEach(addTo(responses));
            addTo(responses).accept("409", CONFLICT);
        }
        return operation;
    }

    private static BiConsumer<String, String> addTo(APIResponses responses) {
        return (status, description) -> {
            if (responses.hasAPIResponse(status)) {
                return;
            }
            Content content = OASFactory.createContent()
                    .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
            APIResponse response =
                    OASFactory.createAPIResponse().description(description).content(content);
            responses.addAPIResponse(status, response);
        };
    }
}
