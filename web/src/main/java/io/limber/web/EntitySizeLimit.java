package io.limber.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Counts the body as REST reads it, for the one kind {@link BodySizeLimit} cannot size up front:
 * an HTTP/2 body without a Content-Length (see there why it cannot read it first). Over the limit
 * it is the same 413 problem. Vert.x and RESTEasy hold such a body to
 * {@code quarkus.http.limits.max-body-size} too, which {@link BodySizeBackstop} keeps above
 * {@code limber.http.max-body-size} so that this answers first: theirs is a bare 413 that, over
 * HTTP/2, ends the whole connection and every other request on it.
 */
@Provider
public class EntitySizeLimit implements ReaderInterceptor {

    private final long limit;

    EntitySizeLimit(WebConfig.Http config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream()));
        return context.proceed();
    }

    /**
     * An IOException: Jackson passes those on as they are, where it wraps any other failure of a
     * read into a mapping error, a 400.
     */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("The request body is over the limit");
        }
    }

    @ServerExceptionMapper
    Response tooLarge(BodyTooLarge e) {
        return CommonProblem.BODY_TOO_LARGE
                .problem("The request body is larger than the " + limit + " bytes this service accepts.")
                .toResponse();
    }

    private final class Counted extends FilterInputStream {

        private long read;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge();
            }
        }
    }
}
