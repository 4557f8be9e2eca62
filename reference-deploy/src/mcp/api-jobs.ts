/**
 * @module Running a detection as a job through the statistics API (`--api` mode): the API
 * proxies the coordinator's job routes for keys with the `jobs` scope, so the MCP server can
 * run a detector without database access, then read the run's findings back.
 */

/** What a finished job said, or why none ran. */
export type ApiJobOutcome =
  | { ran: true; result: Record<string, unknown> }
  | { ran: false; reason: string };

/**
 * Submit `jobType` with `parameters` through the API and wait for it to finish. A key without the
 * `jobs` scope, or an API without a coordinator, gives `{ ran: false, reason }` (callers fall back
 * to stored findings); a job that fails gives its error as the reason.
 *
 * @example
 * ```ts
 * const r = await runJobThroughApi('http://127.0.0.1:8081', key, 'snowshoe', { since, until });
 * if (r.ran) console.log(r.result.runId);
 * ```
 */
export async function runJobThroughApi(baseUrl: string, key: string | undefined, jobType: string, parameters: Record<string, unknown>, timeoutMs = 120_000): Promise<ApiJobOutcome> {
  const base = baseUrl.replace(/\/+$/, '');
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) };
  let submitted: Response;
  try {
    submitted = await fetch(`${base}/api/v1/jobs`, { method: 'POST', headers, body: JSON.stringify({ jobType, parameters }), signal: AbortSignal.timeout(15_000) });
  } catch (err) {
    return { ran: false, reason: `the API did not take the job: ${(err as Error).message}` };
  }
  const body = (await submitted.json().catch(() => null)) as { jobId?: string; error?: { code?: string; message?: string } } | null;
  if (submitted.status !== 202 || !body?.jobId) return { ran: false, reason: body?.error?.message ?? `HTTP ${submitted.status}` };
  const end = Date.now() + timeoutMs;
  for (let wait = 100; Date.now() < end; wait = Math.min(1000, wait * 2)) {
    await new Promise((r) => setTimeout(r, wait));
    const res = await fetch(`${base}/api/v1/jobs/${encodeURIComponent(body.jobId)}`, { headers, signal: AbortSignal.timeout(15_000) }).catch(() => null);
    const job = (await res?.json().catch(() => null)) as { state?: string; result?: Record<string, unknown>; error?: { message?: string } } | null;
    if (job?.state === 'completed') return { ran: true, result: job.result ?? {} };
    if (job?.state === 'failed' || job?.state === 'cancelled') return { ran: false, reason: `job ${body.jobId} ${job.state}: ${job.error?.message ?? ''}`.trim() };
  }
  return { ran: false, reason: `job ${body.jobId} did not finish within ${Math.round(timeoutMs / 1000)} s` };
}
