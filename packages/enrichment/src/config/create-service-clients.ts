import { defineClient, type ClientDeps, type ServiceClientHandle } from '../services/define-client.js';
import { dshieldDefinition } from '../services/dshield/dshield-client.js';
import { hibpDefinition } from '../services/hibp/hibp-client.js';
import { spurDefinition } from '../services/spur/spur-client.js';
import type { DshieldIpInfo, FileReport, PasswordExposure, SpurContext, UrlhausHostInfo } from '../services/types.js';
import { urlhausDefinition } from '../services/urlhaus/urlhaus-client.js';
import { virusTotalDefinition } from '../services/virustotal/vt-client.js';
import type { EnrichmentConfig } from './service-config.js';

/** One typed client per service. */
export interface ServiceClients {
  dshield: ServiceClientHandle<DshieldIpInfo>;
  virustotal: ServiceClientHandle<FileReport>;
  urlhaus: ServiceClientHandle<UrlhausHostInfo>;
  spur: ServiceClientHandle<SpurContext>;
  hibp: ServiceClientHandle<PasswordExposure>;
}

/**
 * The factory at the seam between configuration and the clients: one client per service, all
 * sharing `deps.limiter` (memory, SQL or Redis) and transport. Disabled services get a client
 * too (`enabled: false`, `disabledReason`), which sends nothing.
 *
 * @example
 * ```ts
 * const clients = createServiceClients(resolveEnrichmentConfig(), { limiter: createSqlRateLimiter(store) });
 * if (clients.dshield.enabled) console.log(clients.dshield.normalize(ip, await clients.dshield.fetch(ip)));
 * ```
 */
export function createServiceClients(config: EnrichmentConfig, deps: ClientDeps): ServiceClients {
  return {
    dshield: defineClient(dshieldDefinition, config.dshield, deps),
    virustotal: defineClient(virusTotalDefinition, config.virustotal, deps),
    urlhaus: defineClient(urlhausDefinition, config.urlhaus, deps),
    spur: defineClient(spurDefinition, config.spur, deps),
    hibp: defineClient(hibpDefinition, config.hibp, deps),
  };
}
