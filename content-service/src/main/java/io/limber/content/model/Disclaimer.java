package io.limber.content.model;

public final class Disclaimer {

    public static final String EDUCATIONAL_USE = "For education only, not medical advice. If you have a condition,"
            + " pain that worries you, or questions about whether an exercise suits you, ask your own"
            + " clinician before you start.";

    private Disclaimer() {}
}
