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
        @Schema(description = "a failed evaluation: its id in the audit (GET /api/v1/audit/failures/{id})")
                String failureId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:hamyar:problem:";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(
                TYPE_PREFIX + "invalid-input",
                "Invalid input",
                400,
                detail,
                errors.isEmpty() ? null : List.copyOf(errors),
                null);
    }

    public Problem withFailureId(String id) {
        return new Problem(type, title, status, detail, errors, id);
    }
}
