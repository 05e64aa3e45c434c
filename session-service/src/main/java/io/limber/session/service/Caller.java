package io.limber.session.service;

/**
 * The member a request is made for, as the verified token names them.
 *
 * @param zoneInfo the token's standard {@code zoneinfo} claim (an IANA time zone id), or null
 */
public record Caller(String memberId, String employerId, String zoneInfo) {

    /** A caller whose time zone the request does not say (a clinician acting for a member). */
    public Caller(String memberId, String employerId) {
        this(memberId, employerId, null);
    }
}
