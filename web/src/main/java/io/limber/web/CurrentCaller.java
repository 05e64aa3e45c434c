package io.limber.web;

import java.security.Principal;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the verified token names them: the one way every service names its caller.
 * What a caller may reach is each service's own rule (content's maintainers, session's
 * {@code MemberAccess}); who they are is decided here.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's stable id: the token's {@code sub}, which every token must carry. */
    public String id() {
        return idOf(identity);
    }

    /** The employer the caller belongs to (the {@code employer_id} claim), if the token names one. */
    public Optional<String> employerId() {
        return claim("employer_id");
    }

    /** The caller's time zone (the standard {@code zoneinfo} claim, an IANA id), if the token says. */
    public Optional<String> zoneInfo() {
        return claim("zoneinfo");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** A string claim of the token; a blank one is as good as none. */
    private Optional<String> claim(String name) {
        return identity.getPrincipal() instanceof JsonWebToken jwt
                ? Optional.ofNullable(jwt.<Object>getClaim(name))
                        .map(Object::toString)
                        .filter(value -> !value.isBlank())
                : Optional.empty();
    }

    /**
     * The id of an authenticated identity: {@code sub}, not the principal's name, which SmallRye
     * JWT may take from {@code upn} or {@code preferred_username} instead.
     */
    static String idOf(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        String subject = principal instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        return subject != null ? subject : principal.getName();
    }
}
