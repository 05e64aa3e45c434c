package io.limber.messaging;

import io.limber.infra.test.LimberTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

@WithTestResource(
        value = LimberTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "messaging"))
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
