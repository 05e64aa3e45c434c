package io.limber.infra.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the services' overload tests do to a service: stall requests, hold its pool, read Retry-After. */
public final class Overload {

    private Overload() {}

    /**
     * An authorised upload that announces a body and sends one byte of it, then nothing: in flight
     * until closed. The token matters: a request refused before its body is read (401, 405) has
     * been answered and is no longer in flight, however long its connection stays open.
     */
    public static Socket stalledUpload(URL base, String method, String path, String token) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write((method + " /" + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Authorization: Bearer " + token + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Every connection of the pool, taken as the service's own background work lets go of them. */
    public static List<Connection> holdEveryConnection(DataSource dataSource, int poolSize)
            throws InterruptedException {
        List<Connection> held = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (held.size() < poolSize) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException timedOut) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Could not take the whole pool", timedOut);
                }
                Thread.sleep(50);
            }
        }
        return held;
    }

    public static long retryAfter(HttpResponse<?> response) {
        return Long.parseLong(
                response.headers().firstValue("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
    }
}
