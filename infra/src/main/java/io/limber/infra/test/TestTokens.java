package io.limber.infra.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.limber.infra.jwt.TokenMinter;

/** Bearer tokens for tests, signed with the key the services under test were told to trust. */
public final class TestTokens {

    private TestTokens() {}

    public static String member(String memberId, String employerId) {
        return token(memberId, employerId, "member");
    }

    /** A member whose token carries the standard {@code zoneinfo} claim (an IANA time zone id). */
    public static String member(String memberId, String employerId, String zoneInfo) {
        return minter().token(
                        memberId, employerId, List.of("member"), Duration.ofHours(1), Map.of("zoneinfo", zoneInfo));
    }

    public static String employerAdmin(String adminId, String employerId) {
        return token(adminId, employerId, "employer-admin");
    }

    /** A clinician who treats the members of one employer. */
    public static String clinician(String clinicianId, String employerId) {
        return token(clinicianId, employerId, "clinician");
    }

    public static String editor(String editorId) {
        return token(editorId, null, "content-editor");
    }

    public static String reviewer(String reviewerId) {
        return token(reviewerId, null, "clinical-reviewer");
    }

    public static String ops(String opsId) {
        return token(opsId, null, "ops");
    }

    public static String token(String subject, String employerId, String... groups) {
        return minter().token(subject, employerId, List.of(groups), Duration.ofHours(1));
    }

    /** For tests of broken tokens: any claims, signed RS256 with the trusted key. */
    public static String signed(Map<String, ?> claims) {
        return minter().sign(claims);
    }

    public static TokenMinter minter() {
        return new TokenMinter(
                TestKeys.get().loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE);
    }
}
