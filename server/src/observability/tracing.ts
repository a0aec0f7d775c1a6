import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  defaultTextMapGetter,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { ExportResultCode, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import type { CheckResult } from './health-registry';

export type Tracing = {
  tracer: Tracer;
  /** The `traces` health check: whether the last batch reached the collector. */
  check(): Promise<CheckResult>;
  close(): Promise<void>;
};

/**
 * Spans of HTTP requests and signaling requests, sent as OTLP over HTTP
 * (`<endpoint>/v1/traces`: Jaeger's collector, or any OpenTelemetry
 * collector) in batches. Built only when OTEL_EXPORTER_OTLP_ENDPOINT is set;
 * otherwise nothing is created and no span is ever started.
 */
export function startTracing(options: { endpoint: string; serviceName: string; version: string }): Tracing {
  const url = `${options.endpoint}/v1/traces`;
  let last: { at: string; error: string | null } | null = null;
  const otlp = new OTLPTraceExporter({ url });
  // The exporter's own outcome is the honest health of trace export: remember the last one.
  const exporter: SpanExporter = {
    export(spans, done) {
      otlp.export(spans, (result) => {
        last = {
          at: new Date().toISOString(),
          error: result.code === ExportResultCode.SUCCESS ? null : (result.error?.message ?? 'export failed'),
        };
        done(result);
      });
    },
    shutdown: () => otlp.shutdown(),
    forceFlush: () => otlp.forceFlush(),
  };
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, 'service.version': options.version }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 2000 })],
  });
  return {
    tracer: provider.getTracer('meetai-server', options.version),
    async check() {
      if (!last) return { status: 'ok', message: `on: spans go to ${url}; none sent yet` };
      if (last.error)
        return { status: 'degraded', message: `the last batch to ${url} failed (${last.at}): ${last.error}` };
      return { status: 'ok', message: `on: spans go to ${url}; last batch ${last.at}` };
    },
    close: () => provider.shutdown(),
  };
}

const propagator = new W3CTraceContextPropagator();

/** A server span per HTTP request, named by route pattern, continuing a caller's `traceparent`. */
export function traceHttp(app: FastifyInstance, tracer: Tracer): void {
  const spans = new WeakMap<FastifyRequest, Span>();
  app.addHook('onRequest', async (request) => {
    const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
    const route = request.routeOptions.url ?? 'unmatched';
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'http.route': route,
          'url.path': request.url.split('?')[0],
        },
      },
      parent,
    );
    spans.set(request, span);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/** For the signaling router: one span per request frame, named by method. */
export function signalingSpans(tracer: Tracer) {
  return {
    begin() {
      const span = tracer.startSpan('signaling request', { kind: SpanKind.SERVER }, ROOT_CONTEXT);
      return (method: string, errorCode: string | null) => {
        span.updateName(`signaling ${method}`);
        span.setAttribute('rpc.method', method);
        if (errorCode) {
          span.setAttribute('meetai.error_code', errorCode);
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode });
        }
        span.end();
      };
    },
  };
}
