package ir.hamyar.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /} is the console's home. */
@Path("/")
public class RootRedirect {

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/console/")).build();
    }
}
