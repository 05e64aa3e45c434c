package io.limber.content;

import io.limber.infra.test.LimberTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against a real PostgreSQL database and a real Kafka broker. */
@WithTestResource(
        value = LimberTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "content"))
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
