package io.limber.content.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Picks the translation an {@code Accept-Language} header prefers among those that exist. */
public final class Languages {

    public static final String ENGLISH = "en";

    private Languages() {}

    /** @return a tag from {@code available}, or null for English (asked for, or nothing better) */
    public static String choose(String acceptLanguage, Set<String> available) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || available.isEmpty()) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            // English content is always there, so a caller preferring English over a translation gets it.
            for (Locale.LanguageRange range : ranges) {
                String tag = Locale.lookupTag(List.of(range), available);
                if (tag != null) {
                    return tag;
                }
                if (Locale.lookupTag(List.of(range), Set.of(ENGLISH)) != null) {
                    return null;
                }
            }
            return null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
