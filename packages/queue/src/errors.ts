import { CowrieError, UsageError } from '@cowrieprocessor/core';

/**
 * A job submission the caller got wrong (unknown type, bad parameters, priority out of range).
 * `details.issues` lists each problem as `{ path, message }`; HTTP answers it with 400.
 */
export class JobValidationError extends UsageError {}

/** No job with that id (never submitted, or removed after its retention). HTTP: 404. */
export class JobNotFoundError extends CowrieError {
  constructor(jobId: string) {
    super('JOB_NOT_FOUND', `no job with id ${jobId}`, { jobId });
  }
}

/** The job was cancelled while it ran: the handler's signal fired with this error as reason. */
export class JobCancelledError extends CowrieError {
  constructor(jobId: string, reason = 'cancelled') {
    super('JOB_CANCELLED', reason, { jobId });
  }
}

/** The job ran longer than its `timeoutSeconds`: the handler's signal fired with this reason. */
export class JobTimeoutError extends CowrieError {
  constructor(jobId: string, seconds: number) {
    super('JOB_TIMEOUT', `job ran longer than its timeout of ${seconds}s`, { jobId, timeoutSeconds: seconds });
  }
}

/** `COWRIE_QUEUE` (or `--queue`) names no engine we know, or the engine cannot start. */
export class QueueConfigError extends UsageError {}
