import { resolveEnrichmentConfig, type EnrichmentFlags } from '../../src/config/resolve-config.js';
import { createServiceClients, type ServiceClients } from '../../src/config/create-service-clients.js';
import type { ClientDeps } from '../../src/services/define-client.js';
import { createMemoryRateLimiter } from '../../src/rate-limit/memory-rate-limiter.js';
import { fakeEnv, type FakeServices } from './fake-servers/index.js';

/**
 * Clients wired to the fakes with fast retries (tests must not sleep for production backoffs),
 * a memory limiter, and whatever the test overrides.
 */
export function fakeClients(fakes: FakeServices, opts: { env?: Record<string, string>; flags?: EnrichmentFlags; deps?: Partial<ClientDeps> } = {}): ServiceClients {
  const config = resolveEnrichmentConfig({ env: fakeEnv(fakes, opts.env), flags: opts.flags, sensorsToml: null });
  return createServiceClients(config, {
    limiter: createMemoryRateLimiter(),
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 5000 },
    ...opts.deps,
  });
}
