package io.limber.session.api;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.limber.events.session.RedFlag;

/**
 * Answers to the red-flag checklist: symptoms that mean the pain may not be a stretching problem.
 * Each answer is a JSON boolean (or left out, meaning no); any yes is the urgent zone, which
 * tells the member to stop and get urgent care and pauses every exercise until a clinician has
 * reviewed it.
 */
@Schema(
        description =
                "Red-flag checklist: any true answer is the urgent zone. Each is a JSON boolean; left out means no.")
public record RedFlagAnswers(
        @Schema(description = "Chest pain or pressure") Boolean chestPain,
        @Schema(description = "Shortness of breath") Boolean shortnessOfBreath,

        @Schema(description = "Numbness, tingling or weakness in an arm or hand")
        Boolean armNumbnessOrWeakness,

        @Schema(description = "A fever or feeling unwell") Boolean feverOrUnwell,
        @Schema(description = "Pain after a fall or injury") Boolean afterFallOrInjury,

        @Schema(description = "Pain at night that does not ease")
        Boolean nightPain) {

    /** The questions answered yes. */
    public Set<RedFlag> yes() {
        EnumSet<RedFlag> yes = EnumSet.noneOf(RedFlag.class);
        add(yes, chestPain, RedFlag.CHEST_PAIN);
        add(yes, shortnessOfBreath, RedFlag.SHORTNESS_OF_BREATH);
        add(yes, armNumbnessOrWeakness, RedFlag.ARM_NUMBNESS_OR_WEAKNESS);
        add(yes, feverOrUnwell, RedFlag.FEVER_OR_UNWELL);
        add(yes, afterFallOrInjury, RedFlag.AFTER_FALL_OR_INJURY);
        add(yes, nightPain, RedFlag.NIGHT_PAIN);
        return yes;
    }

    public static Set<RedFlag> yes(RedFlagAnswers answers) {
        return answers == null ? EnumSet.noneOf(RedFlag.class) : answers.yes();
    }

    private static void add(Set<RedFlag> yes, Boolean answer, RedFlag flag) {
        if (Boolean.TRUE.equals(answer)) {
            yes.add(flag);
        }
    }
}
