package io.limber.events.session;

/**
 * The red-flag questions a tolerance report may answer: symptoms that mean the pain may not be a
 * stretching problem (thoracic pain can come from the heart or lungs, a nerve, an infection or an
 * injury). Any yes is the {@code urgent} zone. Drawn from the NHS pages on back pain and on heart
 * attack symptoms (see session-service/docs/safety.md for the sources).
 */
public enum RedFlag {
    CHEST_PAIN("chest-pain", "chest pain or pressure"),
    SHORTNESS_OF_BREATH("shortness-of-breath", "shortness of breath"),
    ARM_NUMBNESS_OR_WEAKNESS("arm-numbness-or-weakness", "numbness, tingling or weakness in an arm or hand"),
    FEVER_OR_UNWELL("fever-or-unwell", "a fever or feeling unwell"),
    AFTER_FALL_OR_INJURY("after-fall-or-injury", "pain after a fall or injury"),
    NIGHT_PAIN("night-pain", "pain at night that does not ease");

    private final String wireName;
    private final String description;

    RedFlag(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** The name used in events and stored flags. */
    public String wireName() {
        return wireName;
    }

    /** In words a member reads. */
    public String description() {
        return description;
    }
}
