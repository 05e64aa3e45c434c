package io.limber.reminder;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.limber.reminder.support.PromptTopic;

/** The contract's examples of the events this service publishes validate against their schemas. */
class EventContractExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"limber.prompt.due.v1.json", "limber.prompt.acknowledged.v1.json"})
    void exampleMatchesItsSchema(String file) throws Exception {
        Path example = Path.of("..", "events", "src", "test", "resources", "examples", file);
        PromptTopic.assertMatchesSchema(file, Files.readString(example));
    }
}
