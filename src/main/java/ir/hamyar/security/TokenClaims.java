package ir.hamyar.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a token from the identity provider says about its bearer, as Hamyar reads it: her roles (those of the contract
 * only, from {@code quarkus.oidc.roles.role-claim-path}, e.g. Keycloak's realm roles) and her organisation, from the
 * claim {@code hamyar.security.oidc.organisation-claim} (a name, or {@code *}); a token whose organisation is not a
 * valid name is refused, as a configured user's would be at start. An auditor's or a manager's token must carry the
 * claim: without it she would see every organisation, so it is refused (401) rather than read as {@code *}.
 */
@ApplicationScoped
public class TokenClaims implements SecurityIdentityAugmentor {

    private final OidcClaimsConfig config;

    public TokenClaims(OidcClaimsConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles =
                identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(roles)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        Object claim = token.getClaim(config.organisationClaim());
        if (claim == null && (roles.contains(Roles.AUDITOR) || roles.contains(Roles.MANAGER))) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(
                            "an auditor's or manager's token names no organisation (claim " + config.organisationClaim()
                                    + ")"));
        }
        if (claim != null) {
            // a JSON string claim is a jakarta.json JsonString, whose toString() is the quoted JSON
            String organisation = claim instanceof JsonString text ? text.getString() : claim.toString();
            try {
                Caller.checkOrganisation(token.getName(), organisation);
            } catch (IllegalStateException e) {
                return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
            }
            builder.addAttribute(Caller.ORGANISATION, organisation);
        }
        return Uni.createFrom().item(builder.build());
    }
}
