package io.limber.infra.test;

import io.limber.infra.Infrastructure;

/**
 * One set of servers per test JVM, however many test classes ask for it.
 *
 * <p>Quarkus may load this class more than once (one class loader per application start), so
 * the servers' addresses are kept in system properties, which all class loaders share; a later
 * loader attaches to the servers the first one started.
 */
public final class SharedInfrastructure {

    static final String PREFIX = "limber.infra.shared.";

    private SharedInfrastructure() {}

    public static synchronized Infrastructure get() {
        String kafka = System.getProperty(PREFIX + "kafka");
        if (kafka != null) {
            return Infrastructure.attach(
                    System.getProperty(PREFIX + "pg.host"),
                    Integer.parseInt(System.getProperty(PREFIX + "pg.port")),
                    System.getProperty(PREFIX + "pg.user"),
                    System.getProperty(PREFIX + "pg.password"),
                    kafka);
        }
        long start = System.nanoTime();
        Infrastructure infra = Infrastructure.start(Infrastructure.Settings.throwAway());
        System.out.printf(
                "[limber-infra] %s (ready in %d ms)%n", infra.description(), (System.nanoTime() - start) / 1_000_000);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "limber-infra-stop"));
        System.setProperty(PREFIX + "pg.host", infra.postgres().host());
        System.setProperty(PREFIX + "pg.port", String.valueOf(infra.postgres().port()));
        System.setProperty(PREFIX + "pg.user", infra.postgres().username());
        System.setProperty(PREFIX + "pg.password", infra.postgres().password());
        System.setProperty(PREFIX + "kafka", infra.kafka().bootstrapServers());
        infra.kafka().directory().ifPresent(dir -> {
            System.setProperty(PREFIX + "kafka.dir", dir.toString());
            System.setProperty(
                    PREFIX + "kafka.pid", String.valueOf(infra.kafka().pid()));
        });
        return infra;
    }
}
