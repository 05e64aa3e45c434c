package io.limber.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StrictBooleans and NulFreeStrings on a plain ObjectMapper, without a server. */
class JsonMapperCustomizersTest {

    record Answer(boolean chestPain, Boolean boxed, String note, Map<String, String> extra) {}

    private final ObjectMapper mapper = customized();

    private static ObjectMapper customized() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictBooleans().customize(mapper);
        new NulFreeStrings().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"chestPain\": \"true\"}",
                "{\"chestPain\": \"\"}",
                "{\"chestPain\": 1}",
                "{\"chestPain\": 0.5}",
                "{\"boxed\": \"false\"}",
                "{\"boxed\": 0}",
            })
    void aBooleanIsOnlyTrueOrFalse(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Answer.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void trueAndFalseAreBooleans() throws Exception {
        assertThat(mapper.readValue("{\"chestPain\": true, \"boxed\": false}", Answer.class))
                .isEqualTo(new Answer(true, false, null, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{\"note\": \"\\u0000\"}", "{\"note\": \"a\\u0000b\"}", "{\"extra\": {\"k\": \"v\\u0000\"}}"})
    void textWithNulIsRefusedWhereverItIs(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Answer.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("NUL character");
    }

    @Test
    void otherControlAndNonAsciiCharactersPass() throws Exception {
        assertThat(mapper.readValue("{\"note\": \"\\u0001\\t\\u00e9\\ud83d\\ude00\"}", Answer.class)
                        .note())
                .isEqualTo("\u0001\t\u00e9\ud83d\ude00");
    }

    @Test
    void withoutTheCustomizersJacksonWouldGuess() throws Exception {
        // Why StrictBooleans exists: a plain mapper takes "true" and 1 as true.
        ObjectMapper plain = new ObjectMapper();
        assertThat(plain.readValue("{\"chestPain\": \"true\"}", Answer.class).chestPain())
                .isTrue();
        assertThat(plain.readValue("{\"chestPain\": 1}", Answer.class).chestPain())
                .isTrue();
    }
}
