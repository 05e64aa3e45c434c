package io.limber.messaging;

import java.util.List;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace headers an outbox row keeps, so the relay can continue the appending
 * transaction's trace long after that transaction's thread has moved on.
 *
 * @param traceparent null when nothing traced the appender
 * @param tracestate null when the appender's trace had none
 */
record TraceContext(String traceparent, String tracestate) {

    static final TraceContext NONE = new TraceContext(null, null);

    private static final TextMapGetter<TraceContext> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext trace) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext trace, String key) {
            if (trace == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> trace.traceparent();
                case "tracestate" -> trace.tracestate();
                default -> null;
            };
        }
    };

    /** The current span's headers, {@link #NONE} when nothing traces this thread. */
    static TraceContext current() {
        return of(Context.current());
    }

    /** The headers of the context's span, {@link #NONE} when it has no valid one. */
    static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return NONE;
        }
        String[] headers = new String[2];
        W3CTraceContextPropagator.getInstance().inject(context, headers, (carrier, name, value) -> {
            if ("traceparent".equals(name)) {
                carrier[0] = value;
            } else if ("tracestate".equals(name)) {
                carrier[1] = value;
            }
        });
        return new TraceContext(headers[0], headers[1]);
    }

    boolean traced() {
        return traceparent != null;
    }

    /** The context these headers continue: a span started in it is a child of the appender's. */
    Context asParent() {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), this, HEADERS);
    }
}
