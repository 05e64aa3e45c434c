package io.limber.reminder;

import io.limber.infra.test.PlatformEndpointsTestBase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsTestBase {

    PlatformEndpointsTest() {
        super("reminder-service");
    }
}
