package io.limber.content.service;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain unit tests of two small rules the HTTP tests only touch on. */
class MergePatchAndLanguagesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mergePatchMergesObjectsRemovesNullsAndReplacesArrays() throws Exception {
        var target = JSON.readTree(
                "{\"name\":\"a\",\"dose\":{\"sets\":2,\"reps\":8},\"steps\":[\"x\",\"y\"],\"tags\":[\"t\"]}");
        var patch = (ObjectNode) JSON.readTree("{\"dose\":{\"reps\":10},\"steps\":[\"z\"],\"tags\":null}");

        var merged = MergePatch.apply(target, patch);

        assertThat(merged.toString()).isEqualTo("{\"name\":\"a\",\"dose\":{\"sets\":2,\"reps\":10},\"steps\":[\"z\"]}");
        assertThat(target.get("tags"))
                .as("the stored document is not changed in place")
                .isNotNull();
    }

    @Test
    void languagesPreferWhatTheCallerRanksHighestAndFallBackToEnglish() {
        Set<String> available = Set.of("de", "fr-CA");
        assertThat(Languages.choose("de-AT, en;q=0.5", available)).isEqualTo("de");
        assertThat(Languages.choose("fr-CA", available)).isEqualTo("fr-CA");
        assertThat(Languages.choose("en, de;q=0.9", available)).isNull();
        assertThat(Languages.choose("es", available)).isNull();
        assertThat(Languages.choose("*;q=bad", available)).isNull();
        assertThat(Languages.choose(null, available)).isNull();
        assertThat(Languages.choose("de", Set.of())).isNull();
    }
}
