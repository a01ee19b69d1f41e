package ir.hamyar.erasure;

import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.ledger.Erasures;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure")
public class ErasureResource {

    /** An erasure request is a reason: a few kilobytes at most. */
    static final long BODY_LIMIT = 16 * 1024;

    private final SubjectErasure erasure;
    private final SecurityIdentity identity;

    public ErasureResource(SubjectErasure erasure, SecurityIdentity identity) {
        this.erasure = erasure;
        this.identity = identity;
    }

    @POST
    @Path("{subjectRef}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Forget a subject (a ref within an organisation): her decisions' inputs, answers and fired rules,"
                    + " failures' inputs and overrides' reasons",
            description = "Crypto-shredding: her data key is wiped, so what was sealed under it can no longer be"
                    + " read by anyone, the HMACs of her requests confirm no guessed profile and the reports' rows"
                    + " no longer lead to her. The record keeps kind, dates, ruleset version and hashes, and still"
                    + " verifies; reads show `erased` in place of what was forgotten, replay answers 409. The same ref"
                    + " in another organisation is another subject, untouched. The erasure is itself recorded;"
                    + " erasing again erases what was recorded since (0 if nothing).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ErasureRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Erased",
            content = @Content(schema = @Schema(implementation = Erasures.Erasure.class)))
    public Erasures.Erasure erase(@PathParam("subjectRef") String subjectRef, byte[] body) {
        if (body != null && body.length > BODY_LIMIT) {
            throw new ProblemException(ProblemResponses.tooLarge(BODY_LIMIT));
        }
        return erasure.erase(subjectRef, body, Caller.of(identity));
    }
}
