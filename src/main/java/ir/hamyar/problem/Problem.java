package ir.hamyar.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error the service returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        List<FieldError> errors,
        @Schema(description = "how many more fields were wrong than errors lists (it lists " + Problem.MAX_ERRORS + ")")
                Integer moreErrors,
        @Schema(description = "a failed evaluation: its id in the audit (GET /api/v1/audit/failures/{id})")
                String failureId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** A body of any size is answered with at most this many field errors, so that a refusal stays small. */
    public static final int MAX_ERRORS = 100;

    private static final String TYPE_PREFIX = "urn:hamyar:problem:";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        int more = Math.max(0, errors.size() - MAX_ERRORS);
        return new Problem(
                TYPE_PREFIX + "invalid-input",
                "Invalid input",
                400,
                more == 0
                        ? detail
                        : detail + " (" + errors.size() + " errors; the first " + MAX_ERRORS + " are listed)",
                errors.isEmpty() ? null : List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS))),
                more == 0 ? null : more,
                null);
    }

    public Problem withFailureId(String id) {
        return new Problem(type, title, status, detail, errors, moreErrors, id);
    }
}
