package ir.hamyar.decision;

import ir.hamyar.problem.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a batch answer, for the API description: one Decision or Problem per item, in order. */
@Schema(name = "BatchResponse")
public record BatchResponse(
        @Schema(description = "a Decision or a Problem per item, in request order") List<Result> results) {

    /** One item's outcome: its decision, or the problem that kept it from being decided. */
    @Schema(
            name = "BatchResult",
            oneOf = {DecisionResponse.class, Problem.class})
    public interface Result {}
}
