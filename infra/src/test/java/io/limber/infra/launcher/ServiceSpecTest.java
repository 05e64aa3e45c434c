package io.limber.infra.launcher;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.limber.infra.InfrastructureException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceSpecTest {

    @Test
    void withoutLimberServicesAllThreeRun() {
        assertEquals(
                List.of("content-service", "session-service", "reminder-service"),
                names(ServiceSpec.selected(new Env(Map.of()))));
    }

    @Test
    void limberServicesPicksSomeInTheSuitesOrder() {
        assertEquals(
                List.of("content-service", "session-service"),
                names(ServiceSpec.selected(new Env(Map.of("LIMBER_SERVICES", "session-service, content-service")))));
    }

    @Test
    void anUnknownServiceIsRefusedByName() {
        var refused = assertThrows(
                InfrastructureException.class,
                () -> ServiceSpec.selected(new Env(Map.of("LIMBER_SERVICES", "session-servce"))));
        assertTrue(refused.getMessage().contains("session-servce"), refused.getMessage());
        assertTrue(refused.getMessage().contains("reminder-service"), refused.getMessage());
    }

    private static List<String> names(List<ServiceSpec> specs) {
        return specs.stream().map(ServiceSpec::name).toList();
    }
}
