package io.limber.infra.test;

import java.util.HashMap;
import java.util.Map;

import io.limber.infra.Infrastructure;
import io.limber.infra.jwt.KeyPairFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service under test a real PostgreSQL database and a real Kafka broker, plus a key to
 * verify test tokens with. Use it with {@code @QuarkusTestResource(value = LimberTestResource.class,
 * initArgs = @ResourceArg(name = "database", value = "content"))}.
 *
 * <p>The servers are started once per test JVM and shared by every test class in it; a JVM
 * shutdown hook stops them.
 */
public class LimberTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "limber";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = SharedInfrastructure.get();
        infra.postgres().createDatabase(database);
        KeyPairFiles keys = TestKeys.get();

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", infra.postgres().username());
        config.put("quarkus.datasource.password", infra.postgres().password());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        // The shared servers outlive one test class; SharedInfrastructure stops them at JVM exit.
    }
}
