package io.limber.session.domain;

/** Where a member's pain response puts an exercise in the pain-monitoring model. */
public enum Zone {
    /** Pain stayed low and settled by morning: scale up one step. */
    SWEET_SPOT("sweet-spot"),
    /** Acceptable pain, or not yet known whether it settled: keep the dose. */
    HOLD("hold"),
    /** Too much pain, or it lingers: scale back one step. */
    SCALE_BACK("scale-back"),
    /** Severe, sharp or new pain: stop progressing and see a clinician. */
    STOP("stop"),
    /** A red flag (symptoms that may not be musculoskeletal): stop everything, get urgent care. */
    URGENT("urgent");

    private final String wireName;

    Zone(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the API and in events. */
    public String wireName() {
        return wireName;
    }

    /** Stop and urgent: the exercise is stopped until a clinician clears it, and there is no dose. */
    public boolean stops() {
        return this == STOP || this == URGENT;
    }

    public static Zone fromWireName(String name) {
        for (Zone zone : values()) {
            if (zone.wireName.equals(name)) {
                return zone;
            }
        }
        throw new IllegalArgumentException("Unknown zone " + name);
    }
}
