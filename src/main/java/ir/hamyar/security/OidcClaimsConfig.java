package ir.hamyar.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where in an identity provider's token Hamyar finds what it needs beyond the roles. */
@ConfigMapping(prefix = "hamyar.security.oidc")
public interface OidcClaimsConfig {

    /** The claim naming the bearer's organisation (Keycloak: a user attribute mapped into the token). */
    @WithDefault("organisation")
    String organisationClaim();
}
