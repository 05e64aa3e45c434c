package io.limber.content.service;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7396): objects merge, null removes, anything else replaces. */
final class MergePatch {

    private MergePatch() {}

    static JsonNode apply(JsonNode target, ObjectNode patch) {
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : patch.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                result.remove(field.getKey());
            } else if (value.isObject()) {
                result.set(field.getKey(), apply(result.get(field.getKey()), (ObjectNode) value));
            } else {
                result.set(field.getKey(), value);
            }
        }
        return result;
    }
}
