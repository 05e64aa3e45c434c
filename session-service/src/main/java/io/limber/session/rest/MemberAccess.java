package io.limber.session.rest;

import jakarta.enterprise.context.RequestScoped;

import io.limber.session.repository.ToleranceReportRepository;
import io.limber.session.service.Caller;
import io.limber.session.service.SessionProblem;
import io.limber.web.CommonProblem;
import io.limber.web.CurrentCaller;

/**
 * A member reaches only their own data: the member id in the path must be the token's subject.
 * A clinician reaches the members of their own employer ({@code employer_id}), as the contract
 * says: the employer is the care relationship the portal knows, so no second claim has to be kept
 * in step with it.
 */
@RequestScoped
public class MemberAccess {

    private final CurrentCaller caller;
    private final ToleranceReportRepository reports;

    MemberAccess(CurrentCaller caller, ToleranceReportRepository reports) {
        this.caller = caller;
        this.reports = reports;
    }

    /**
     * The member a clinician acts for; a member of another employer, or one unknown here, is
     * answered as if they did not exist.
     */
    public Caller clinicianFor(String memberId) {
        String employerId = clinicianEmployer();
        if (!reports.memberOfEmployer(memberId, employerId)) {
            throw SessionProblem.MEMBER_NOT_FOUND.problem("No member " + memberId + " for this clinician.");
        }
        return new Caller(memberId, employerId);
    }

    /** The employer whose members the calling clinician treats. */
    public String clinicianEmployer() {
        return caller.employerId()
                .orElseThrow(() -> CommonProblem.FORBIDDEN.problem(
                        "The token names no employer (employer_id claim): a clinician treats the"
                                + " members of one employer."));
    }

    /** The calling clinician's id, as their verified token names them. */
    public String clinicianId() {
        return caller.id();
    }

    public Caller self(String memberId) {
        if (!memberId.equals(caller.id())) {
            throw CommonProblem.FORBIDDEN.problem("A member can only read and write their own sessions and reports.");
        }
        String employerId = caller.employerId()
                .orElseThrow(() -> CommonProblem.FORBIDDEN.problem(
                        "The token names no employer (employer_id claim), which every member has."));
        return new Caller(memberId, employerId, caller.zoneInfo().orElse(null));
    }

    /** An employer admin sees their own employer only; any other is answered as if it did not exist. */
    public void requireEmployer(String employerId) {
        if (!caller.employerId().filter(employerId::equals).isPresent()) {
            throw SessionProblem.EMPLOYER_NOT_FOUND.problem("No employer " + employerId + " for this admin.");
        }
    }
}
