package io.limber.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.limber.events.Topic;
import io.limber.infra.test.DbSnapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfrastructureTest {

    static Infrastructure infra;

    @BeforeAll
    static void start() {
        infra = Infrastructure.start(Infrastructure.Settings.throwAway(), Map.of("LIMBER_INFRA", "embedded"));
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void createsDatabasesThatKeepWhatIsWritten() throws Exception {
        infra.postgres().createDatabase("infra_check");
        infra.postgres().createDatabase("infra_check"); // a second call is harmless
        try (Connection c = DriverManager.getConnection(
                        infra.postgres().jdbcUrl("infra_check"),
                        infra.postgres().username(),
                        infra.postgres().password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (body text)");
            s.execute("INSERT INTO note VALUES ('stretch')");
            try (ResultSet rs = s.executeQuery("SELECT body, version() FROM note")) {
                assertTrue(rs.next());
                assertEquals("stretch", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("PostgreSQL 17"), rs.getString(2));
            }
        }
    }

    @Test
    void aDatabaseSnapshotSeesEveryChangeButTheIgnoredOnes() throws Exception {
        infra.postgres().createDatabase("snapshot_check");
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(infra.postgres().jdbcUrl("snapshot_check"));
        db.setUser(infra.postgres().username());
        db.setPassword(infra.postgres().password());
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dose (id int PRIMARY KEY, reps int, sent_at timestamptz)");
            s.execute("CREATE TABLE noise (n int)");
            s.execute("INSERT INTO dose VALUES (1, 10, NULL), (2, 12, NULL)");
            DbSnapshot snapshot =
                    new DbSnapshot(db).ignoreColumns("dose", "sent_at").ignoreTable("noise");
            Map<String, String> before = snapshot.take();
            assertEquals(Set.of("dose"), before.keySet());

            s.execute("UPDATE dose SET sent_at = now()");
            s.execute("INSERT INTO noise VALUES (1)");
            assertEquals(before, snapshot.take(), "ignored column and table");

            // The same rows in another physical order are the same table.
            s.execute("DELETE FROM dose WHERE id = 1");
            s.execute("INSERT INTO dose VALUES (1, 10, NULL)");
            assertEquals(before, snapshot.take(), "same rows, other order");

            for (String change : List.of(
                    "UPDATE dose SET reps = 11 WHERE id = 1",
                    "UPDATE dose SET reps = 12, id = 3 WHERE id = 1",
                    "DELETE FROM dose WHERE id = 2",
                    "INSERT INTO dose VALUES (4, 10, NULL)")) {
                s.execute(change);
                Map<String, String> after = snapshot.take();
                assertNotEquals(before, after, change + " went unseen");
                before = after;
            }
        }
    }

    @Test
    void contractTopicsExistWithTheirCleanupPolicy() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> names = admin.listTopics().names().get();
            assertTrue(names.containsAll(Topic.ALL.stream().map(Topic::name).toList()), names.toString());
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topic.CATALOG_EXERCISES.name());
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    @Test
    void brokerDeliversWhatIsPublished() {
        String topic = "infra-check";
        produce(topic, "hello");
        assertEquals(List.of("hello"), consume(topic, 1));
    }

    @Test
    void brokerComesBackAfterACrashWithItsData() {
        String topic = "infra-crash-check";
        produce(topic, "before");
        BrokerProcess.kill(infra.kafka().pid());
        KafkaServer restarted = BrokerProcess.restart(infra.kafka().directory().orElseThrow(), port());
        try {
            produce(topic, "after");
            assertEquals(List.of("before", "after"), consume(topic, 2));
        } finally {
            // Leave the original handle's process to the JVM; the restarted one is ours to stop.
            infra = new Infrastructure(infra.postgres(), restarted);
        }
    }

    private static int port() {
        String bootstrap = infra.kafka().bootstrapServers();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static void produce(String topic, String value) {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, "member-1", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> consume(String topic, int count) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-check-" + topic);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new java.util.ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .until(() -> {
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                        records.forEach(r -> values.add(r.value()));
                        return values.size() >= count;
                    });
        }
        return values;
    }
}
