/**
 * @module The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (`z.toJSONSchema`, input side), so documentation and validation cannot drift apart.
 */
import { z } from 'zod';
import type { ReadRoute } from './context.js';

/** Paths served outside the read routes (documented by hand here). */
const OPS = {
  '/healthz': { get: { summary: 'Liveness (no key)', tags: ['operations'], security: [], responses: { 200: { description: 'alive' } } } },
  '/readyz': { get: { summary: 'Readiness: database reachable, schema version served (no key)', tags: ['operations'], security: [], responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } } } },
  '/metrics': { get: { summary: 'Prometheus metrics (no key; protect by bind or network policy)', tags: ['operations'], security: [], responses: { 200: { description: 'text exposition format' } } } },
};

const PROXIED = [
  ['/api/v1/jobs', ['get', 'post']], ['/api/v1/jobs/{id}', ['get']], ['/api/v1/jobs/{id}/cancel', ['post']],
  ['/api/v1/jobs/{id}/events', ['get']], ['/api/v1/workers', ['get']],
] as const;

/**
 * Build the document for the given read routes.
 *
 * @example
 * ```ts
 * app.get('/openapi.json', (c) => c.json(buildOpenApi(routes, '0.1.0')));
 * ```
 */
export function buildOpenApi(routes: readonly ReadRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = { ...OPS };
  for (const r of routes) {
    const params: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        const { description, ...rest } = s;
        params.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name) && !('default' in rest), description, schema: rest });
      }
    }
    paths[toOpenApiPath(r.path)] = {
      get: {
        summary: r.summary, tags: [r.tag], parameters: params, 'x-cowrie-scope': r.scope, 'x-cowrie-cached': r.cached,
        responses: {
          200: { description: '{ data, meta }', content: { 'application/json': { schema: { $ref: '#/components/schemas/Envelope' } } } },
          400: errorResponse('invalid or unknown parameter, bad cursor'), 401: errorResponse('missing or unknown key'),
          403: errorResponse('key lacks the scope'), 404: errorResponse('not found'), 429: errorResponse('rate limited'),
        },
      },
    };
  }
  for (const [path, methods] of PROXIED) {
    paths[path] = Object.fromEntries(methods.map((m) => [m, {
      summary: 'Proxied to the coordinator (bodies are the coordinator\'s job objects)', tags: ['jobs (proxied)'], 'x-cowrie-scope': 'jobs',
      responses: { default: { description: 'the coordinator\'s answer' }, 502: errorResponse('coordinator unreachable'), 503: errorResponse('no coordinator configured') },
    }]));
  }
  return {
    openapi: '3.1.0',
    info: { title: 'cowrieprocessor statistics API', version, description: 'Read-only statistics over Cowrie honeypot data. Windows are half-open [since, until); keys are camelCase; errors are { error: { code, message, details } }.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a key from COWRIE_API_KEYS' } },
      schemas: {
        Envelope: { type: 'object', required: ['data', 'meta'], properties: { data: {}, meta: { type: 'object', properties: { count: { type: 'integer' }, limit: { type: 'integer' }, next: { type: ['string', 'null'] }, total: { type: ['integer', 'null'] }, query: { type: 'object' }, generatedAt: { type: 'string' } } } } },
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } } },
      },
    },
    paths,
  };
}

/**
 * Hono's `/x/:id{.+}` as OpenAPI's `/x/{id}`.
 *
 * @example
 * ```ts
 * toOpenApiPath('/api/v1/sessions/:id{.+}'); // '/api/v1/sessions/{id}'
 * ```
 */
export function toOpenApiPath(p: string): string {
  return p.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, '{$1}');
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}
