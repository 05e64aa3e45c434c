package io.limber.content.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Strong entity tags: a hash of the exact bytes sent, or the version of a working copy. */
public final class EntityTags {

    private EntityTags() {}

    public static String ofVersion(long version) {
        return "\"v" + version + "\"";
    }

    public static String ofBody(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an If-Match or If-None-Match header names the tag (strong comparison, or *). */
    public static boolean matches(String header, String tag) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
