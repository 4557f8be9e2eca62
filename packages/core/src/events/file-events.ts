/**
 * Downloads and uploads: `cowrie.session.file_download`, `.file_download.failed`, `.file_upload`.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** `cowrie.session.file_download`: wget/curl/tftp/… fetch, or a stdin/redirect capture. */
export interface FileDownloadEvent extends EventEnvelope {
  kind: 'cowrie.session.file_download';
  /** Absent for stdin and redirect captures; `/dev/null` or a path for v1 redirect captures. */
  url: string | null;
  /** `dl/<sha>` (v1), `var/lib/cowrie/downloads/<sha>` (v2+). */
  outfile: string | null;
  /** sha256, lower-cased. */
  shasum: string | null;
  /** Path inside the emulated filesystem; `""` for stdin captures (kept as written). */
  destfile: string | null;
  /**
   * True when the file had been seen before: `duplicate` (v1.5.3+), else the inverse of the
   * legacy `unique` (≈v1.3–1.5.2), else `null`.
   */
  duplicate: boolean | null;
  /** v2.5 mislogged scp stdin lines under this id with `realm` and `input`. */
  realm: string | null;
  input: string | null;
}

/** `cowrie.session.file_download.failed`. */
export interface FileDownloadFailedEvent extends EventEnvelope {
  kind: 'cowrie.session.file_download.failed';
  url: string | null;
  /** HEAD only. */
  error: string | null;
}

/** `cowrie.session.file_upload`: SFTP or SCP upload. */
export interface FileUploadEvent extends EventEnvelope {
  kind: 'cowrie.session.file_upload';
  filename: string | null;
  /** A path (SFTP), or at HEAD the bare sha256 (SCP). */
  outfile: string | null;
  /** sha256, lower-cased. */
  shasum: string | null;
  /** SCP only, as for downloads. */
  duplicate: boolean | null;
  url: string | null;
  destfile: string | null;
}

/** File transfer events. */
export type FileEvent = FileDownloadEvent | FileDownloadFailedEvent | FileUploadEvent;
