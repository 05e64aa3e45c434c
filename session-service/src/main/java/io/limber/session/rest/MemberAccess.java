package io.limber.session.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.limber.session.service.Caller;
import io.limber.session.service.Problems;

/** A member reaches only their own data: the member id in the path must be the token's subject. */
@RequestScoped
public class MemberAccess {

    private final JsonWebToken token;

    MemberAccess(JsonWebToken token) {
        this.token = token;
    }

    public Caller self(String memberId) {
        if (!memberId.equals(token.getSubject())) {
            throw Problems.forbidden("A member can only read and write their own sessions and reports.");
        }
        String employerId = token.getClaim("employer_id");
        if (employerId == null || employerId.isBlank()) {
            throw Problems.forbidden("The token names no employer (employer_id claim), which every member has.");
        }
        return new Caller(memberId, employerId);
    }

    /** An employer admin sees their own employer only; any other is answered as if it did not exist. */
    public void requireEmployer(String employerId) {
        if (!employerId.equals(token.getClaim("employer_id"))) {
            throw Problems.notFound("employer-not-found", "No employer " + employerId + " for this admin.");
        }
    }
}
