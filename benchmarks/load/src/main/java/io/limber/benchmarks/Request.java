package io.limber.benchmarks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP/1.1 request, encoded whole so it leaves in a single write. */
record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

    static Request get(String url) {
        return new Request("GET", URI.create(url), new LinkedHashMap<>(), null);
    }

    static Request post(String url, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new Request("POST", URI.create(url), headers, json.getBytes(StandardCharsets.UTF_8));
    }

    Request header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    byte[] encode() {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length));
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }
}
