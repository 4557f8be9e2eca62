/**
 * @module Every read route, in the order the OpenAPI document lists them.
 */
import type { ReadRoute } from '../context.js';
import { aggregateRoutes } from './aggregates.js';
import { compatRoutes } from './compat-dshield.js';
import { intelRoutes } from './intel.js';
import { sessionRoutes } from './sessions.js';
import { topListRoutes } from './top-lists.js';

/** The statistics API's read routes. */
export const READ_ROUTES: readonly ReadRoute[] = [...sessionRoutes, ...aggregateRoutes, ...topListRoutes, ...intelRoutes, ...compatRoutes];
