package io.limber.content.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.limber.content.service.Roles;
import io.limber.web.CommonProblem;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, from the verified token. */
@RequestScoped
class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    String id() {
        // sub is the stable id; the principal name may come from upn or preferred_username instead.
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }

    boolean maintainsContent() {
        return identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.REVIEWER);
    }

    void requireMaintainer(String what) {
        if (!maintainsContent()) {
            throw CommonProblem.FORBIDDEN.problem("Only content editors and clinical reviewers may see " + what);
        }
    }
}
