package io.limber.content.domain;

/** The two kinds of catalog entry; both go through the same review workflow. */
public enum EntryType {
    EXERCISE("exercise"),
    PROGRAM("program");

    private final String code;

    EntryType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
