import { describe, expect, it } from 'vitest';
import { JobValidationError, parseSubmission } from '../src/index.js';

const refusal = (body: unknown) => {
  try {
    parseSubmission(body);
  } catch (err) {
    expect(err).toBeInstanceOf(JobValidationError);
    return err as JobValidationError;
  }
  throw new Error('accepted');
};

describe('parseSubmission', () => {
  it('fills defaults per job type', () => {
    const s = parseSubmission({ jobType: 'snowshoe', parameters: { since: '2024-05-01T00:00:00Z', until: '2024-05-08', sensor: 'honey-1' } });
    expect(s).toMatchObject({ jobType: 'snowshoe', priority: 5, timeoutSeconds: 1800, attempts: 2, parameters: { sensor: 'honey-1' } });
    expect(s.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(parseSubmission({ jobType: 'load', parameters: { paths: ['/srv/cowrie'] }, priority: 1, timeoutSeconds: 30 })).toMatchObject({ priority: 1, timeoutSeconds: 30 });
  });

  it('refuses unknown types, bad parameters and out-of-range priorities with each problem named', () => {
    expect(refusal({ jobType: 'mine', parameters: {} }).code).toBe('JOB_TYPE_UNKNOWN');
    const bad = refusal({ jobType: 'snowshoe', parameters: { since: 'yesterday' } });
    expect(bad.code).toBe('JOB_INVALID');
    expect(bad.message).toMatch(/parameters\.since: expected an ISO-8601 timestamp/);
    expect(refusal({ jobType: 'botnet', parameters: { since: '2024-05-08', until: '2024-05-01' } }).message).toMatch(/since must be before until/);
    expect(refusal({ jobType: 'load', parameters: {} }).message).toMatch(/parameters\.paths/);
    expect(refusal({ jobType: 'report', parameters: { bogus: 1 } }).message).toMatch(/bogus/);
    expect(refusal({ jobType: 'report', parameters: {}, priority: 11 }).message).toMatch(/priority/);
    expect(refusal({ jobType: 'report', parameters: {}, extra: true }).code).toBe('JOB_INVALID');
    expect(refusal('not an object').code).toBe('JOB_INVALID');
  });
});
