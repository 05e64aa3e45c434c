import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.topic.KafkaTopicSpec;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates KafkaTopic objects (a JSON array) against Strimzi's own API model, the classes its CRD
 * is generated from: the served group/version, every field known to the model (no unknown field,
 * which Strimzi would otherwise keep and ignore), the types, and the bounds on the spec's getters.
 */
public class KafkaTopicCheck {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // The API server does not turn "12" into 12 for an integer field; neither may we.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        String served = KafkaTopic.class.getAnnotation(Group.class).value() + "/"
                + KafkaTopic.class.getAnnotation(Version.class).value();
        JsonNode topics = mapper.readTree(new File(args[0]));
        boolean failed = false;
        for (JsonNode node : topics) {
            String name = node.path("metadata").path("name").asText("(no name)");
            List<String> problems = new ArrayList<>();
            if (!served.equals(node.path("apiVersion").asText())) {
                problems.add("apiVersion " + node.path("apiVersion") + ", Strimzi serves " + served);
            }
            try {
                KafkaTopic topic = mapper.treeToValue(node, KafkaTopic.class);
                unknown(problems, "", topic.getAdditionalProperties());
                unknown(problems, "metadata.", topic.getMetadata().getAdditionalProperties());
                if (topic.getSpec() == null) {
                    problems.add("no spec");
                } else {
                    unknown(problems, "spec.", topic.getSpec().getAdditionalProperties());
                    bounds(problems, topic.getSpec());
                }
                if (topic.getMetadata().getLabels() == null
                        || !topic.getMetadata().getLabels().containsKey("strimzi.io/cluster")) {
                    problems.add("no strimzi.io/cluster label: no topic operator would reconcile it");
                }
            } catch (Exception e) {
                problems.add(e.getMessage().lines().findFirst().orElse(e.toString()));
            }
            if (problems.isEmpty()) {
                System.out.println("KafkaTopic " + name + ": valid " + served);
            } else {
                failed = true;
                problems.forEach(p -> System.out.println("KafkaTopic " + name + ": " + p));
            }
        }
        System.exit(failed || topics.isEmpty() ? 1 : 0);
    }

    private static void unknown(List<String> problems, String prefix, Map<String, Object> extra) {
        if (extra != null) {
            extra.keySet().forEach(k -> problems.add("unknown field " + prefix + k));
        }
    }

    private static void bounds(List<String> problems, KafkaTopicSpec spec) throws Exception {
        for (Method getter : KafkaTopicSpec.class.getMethods()) {
            Minimum min = getter.getAnnotation(Minimum.class);
            Maximum max = getter.getAnnotation(Maximum.class);
            if (min == null && max == null) {
                continue;
            }
            Object value = getter.invoke(spec);
            if (value instanceof Number n) {
                String field = "spec." + Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                if (min != null && n.longValue() < min.value()) {
                    problems.add(field + " " + n + " is below the minimum " + min.value());
                }
                if (max != null && n.longValue() > max.value()) {
                    problems.add(field + " " + n + " is above the maximum " + max.value());
                }
            }
        }
    }
}
