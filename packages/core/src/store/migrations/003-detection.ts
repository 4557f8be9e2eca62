import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Migration } from './migration.js';
import { verifyColumns } from './verify-columns.js';

const TABLES = {
  detection_runs: ['id', 'detector', 'status', 'started_at', 'finished_at', 'window_since', 'window_until', 'sensor', 'backend', 'params', 'stats'],
  detection_findings: ['id', 'detector', 'kind', 'score', 'first_seen', 'last_seen', 'summary', 'evidence', 'first_run_id', 'last_run_id', 'created_at', 'updated_at'],
  detection_run_findings: ['run_id', 'finding_id', 'score', 'rank'],
  detection_finding_ips: ['finding_id', 'src_ip', 'sessions'],
  detection_finding_sessions: ['finding_id', 'sensor', 'session'],
  session_features: ['sensor', 'session', 'extractor_version', 'features', 'session_updated_at', 'computed_at'],
} as const;

/**
 * Schema step 3: detection. A finding's id is derived from what binds it (so a re-run that finds
 * the same campaign updates the same row); runs link to the findings they produced. Session
 * features are cached with the session's `updated_at`, so a sliding-window re-run only extracts
 * features for new sessions and for sessions that changed since.
 */
export const detectionSchema: Migration = {
  version: 3,
  name: 'detection',
  async up(db: Kysely<any>, d: DialectAdapter) {
    const s = db.schema;
    await s.createTable('detection_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('detector', 'text', (c) => c.notNull()) // snowshoe | botnet | longtail
      .addColumn('status', 'text', (c) => c.notNull()) // running | completed | failed
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('window_since', 'text')
      .addColumn('window_until', 'text')
      .addColumn('sensor', 'text')
      .addColumn('backend', 'text')
      .addColumn('params', d.types.json)
      .addColumn('stats', d.types.json)
      .execute();
    await s.createIndex('detection_runs_detector_idx').on('detection_runs').columns(['detector', 'started_at']).execute();

    await s.createTable('detection_findings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('detector', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull()) // campaign | cluster | rare_command | anomalous_session | …
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('first_seen', 'text')
      .addColumn('last_seen', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('evidence', d.types.json)
      .addColumn('first_run_id', 'text', (c) => c.notNull())
      .addColumn('last_run_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('detection_findings_detector_idx').on('detection_findings').columns(['detector', 'kind', 'last_seen']).execute();

    await s.createTable('detection_run_findings')
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('finding_id', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('detection_run_findings_pk', ['run_id', 'finding_id'])
      .execute();
    await s.createIndex('detection_run_findings_finding_idx').on('detection_run_findings').column('finding_id').execute();

    await s.createTable('detection_finding_ips')
      .addColumn('finding_id', 'text', (c) => c.notNull())
      .addColumn('src_ip', 'text', (c) => c.notNull())
      .addColumn('sessions', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('detection_finding_ips_pk', ['finding_id', 'src_ip'])
      .execute();
    await s.createIndex('detection_finding_ips_ip_idx').on('detection_finding_ips').column('src_ip').execute();

    await s.createTable('detection_finding_sessions')
      .addColumn('finding_id', 'text', (c) => c.notNull())
      .addColumn('sensor', 'text', (c) => c.notNull())
      .addColumn('session', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('detection_finding_sessions_pk', ['finding_id', 'sensor', 'session'])
      .execute();
    await s.createIndex('detection_finding_sessions_session_idx').on('detection_finding_sessions').columns(['sensor', 'session']).execute();

    await s.createTable('session_features')
      .addColumn('sensor', 'text', (c) => c.notNull())
      .addColumn('session', 'text', (c) => c.notNull())
      .addColumn('extractor_version', 'integer', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull()) // JSON text (compact; parsed by the detector)
      .addColumn('session_updated_at', 'text', (c) => c.notNull()) // sessions.updated_at it was computed from
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_features_pk', ['sensor', 'session'])
      .execute();
  },
  async verify(db: Kysely<any>) {
    await verifyColumns(db, TABLES);
  },
};
