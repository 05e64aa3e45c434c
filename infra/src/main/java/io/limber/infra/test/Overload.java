package io.limber.infra.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    /**
     * Uploads stalled mid-body, kept at a count. A stall that came in while the limit was full
     * (the request a test sends next can overtake a stall's new connection) is refused, and
     * {@link #reopenRefused} opens it again.
     */
    public static final class Stalls implements AutoCloseable {

        private final List<Socket> sockets = new ArrayList<>();
        private final Callable<Socket> open;

        public Stalls(int count, Callable<Socket> open) throws Exception {
            this.open = open;
            for (int i = 0; i < count; i++) {
                sockets.add(open.call());
            }
        }

        /**
         * Opens again every stall the service has answered; waits up to 200 ms on each, which
         * gives the service time to take the stalls in before the test's next request.
         */
        public void reopenRefused() throws Exception {
            for (int i = 0; i < sockets.size(); i++) {
                if (!answeredSoFar(sockets.get(i)).equals(NOTHING)) {
                    sockets.get(i).close();
                    sockets.set(i, open.call());
                }
            }
        }

        /** What each stall has been answered (for a failure's message): all should be nothing. */
        public List<String> answers() {
            return sockets.stream().map(Stalls::answeredSoFar).toList();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : sockets) {
                s.close();
            }
        }

        private static final String NOTHING = "(nothing)";

        private static String answeredSoFar(Socket stalled) {
            try {
                stalled.setSoTimeout(200);
                byte[] buffer = new byte[512];
                int n = stalled.getInputStream().read(buffer);
                return n < 0 ? "(closed)" : new String(buffer, 0, n, StandardCharsets.UTF_8);
            } catch (SocketTimeoutException nothing) {
                return NOTHING;
            } catch (IOException e) {
                return "(" + e + ")";
            }
        }
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
