package io.limber.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The W3C trace headers an outbox row keeps, so the relay can continue the appending
 * transaction's trace long after that transaction's thread has moved on.
 *
 * @param traceparent null when nothing traced the appender
 * @param tracestate null when the appender's trace had none
 */
record TraceContext(String traceparent, String tracestate) {

    static final TraceContext NONE = new TraceContext(null, null);

    /** The current span's headers, {@link #NONE} when nothing traces this thread. */
    static TraceContext current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return NONE;
        }
        String[] headers = new String[2];
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, (carrier, name, value) -> {
            if ("traceparent".equals(name)) {
                carrier[0] = value;
            } else if ("tracestate".equals(name)) {
                carrier[1] = value;
            }
        });
        return new TraceContext(headers[0], headers[1]);
    }
}
