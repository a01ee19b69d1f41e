package ir.hamyar.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.RulesetVersions;
import ir.hamyar.security.ConsoleAuthentication;
import ir.hamyar.security.ConsoleSessions;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/** The console's doors: its home, sign-in and sign-out, the language switch. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    /** The form login's session cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    private final boolean singleSignOn;
    private final ConsoleRequest console;
    private final ActiveRuleset active;
    private final RulesetVersions versions;
    private final Template home;
    private final Template login;
    private final ConsoleSessions sessions;

    public ConsoleResource(
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean singleSignOn,
            ConsoleRequest console,
            ActiveRuleset active,
            RulesetVersions versions,
            @Location("console/home.html") Template home,
            @Location("console/login.html") Template login,
            ConsoleSessions sessions) {
        this.sessions = sessions;
        this.singleSignOn = singleSignOn;
        this.console = console;
        this.active = active;
        this.versions = versions;
        this.home = home;
        this.login = login;
    }

    @GET
    @Authenticated
    public TemplateInstance home() {
        return home.data("c", console)
                .data("active", versions.find(active.current().version()).orElseThrow());
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance signIn(@QueryParam("error") String error) {
        return login.data("c", console).data("failed", error != null).data("sso", singleSignOn);
    }

    /**
     * Sign-in at the organisation's identity provider (OpenID Connect's authorization-code flow): the provider sends
     * her back here signed in, and she goes on to the console's home.
     */
    @GET
    @Path("sso")
    @Authenticated
    public Response signedInAtTheIdentityProvider() {
        return Response.seeOther(URI.create("/console/"))
                .cookie(new NewCookie.Builder(ConsoleSessions.COOKIE)
                        .value(sessions.cookieOf(console.getUser()))
                        .path("/console")
                        .httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT)
                        .build())
                .build();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response signOut(@RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        sessions.ended(console.getUser());
        return Response.seeOther(URI.create("/console/login"))
                .cookie(
                        expired(SESSION_COOKIE, "/"),
                        expired(ConsoleAuthentication.OIDC_SESSION_COOKIE, "/console"),
                        expired(ConsoleSessions.COOKIE, "/console"))
                .build();
    }

    private static NewCookie expired(String name, String path) {
        return new NewCookie.Builder(name)
                .value("")
                .path(path)
                .maxAge(0)
                .httpOnly(true)
                .build();
    }

    @GET
    @Path("en")
    @PermitAll
    public Response english() {
        return language("en", null);
    }

    @GET
    @Path("language/{lang}")
    @PermitAll
    public Response language(@PathParam("lang") String lang, @QueryParam("to") String to) {
        String chosen = Messages.ENGLISH.equals(lang) ? Messages.ENGLISH : Messages.PERSIAN;
        boolean safe = to != null && to.startsWith("/console/") && !to.contains("//") && !to.contains("\\");
        return Response.seeOther(URI.create(safe ? to : "/console/"))
                .cookie(new NewCookie.Builder(ConsoleRequest.LANGUAGE_COOKIE)
                        .value(chosen)
                        .path("/")
                        .maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX)
                        .build())
                .build();
    }
}
