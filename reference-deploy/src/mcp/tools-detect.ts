/**
 * @module `detect_snowshoe`, `detect_botnet`, `detect_longtail`: run a detector over a window (or,
 * through the API, read the findings stored runs left) and explain each finding in words.
 */
import { explainFindings } from './finding-view.js';
import type { DetectResult, DetectorTool } from './mcp-backend.js';
import { cursorInput, detectOutput, limitInput, windowInput } from './mcp-schemas.js';
import type { ToolSpec } from './tool-spec.js';

const WHAT: Record<DetectorTool, string> = {
  snowshoe: 'snowshoe campaigns: many low-volume IPs bound by a shared credential dictionary or script under one tooling fingerprint (HASSH / client)',
  botnet: 'botnet clusters: IPs acting as one (the same SSH key injected, download, script, or seldom-tried successful credentials)',
  longtail: 'the long tail: rare commands, novel command sequences, outlier sessions, high-entropy payloads and emerging patterns against a 28-day baseline',
};

function detectTool(detector: DetectorTool): ToolSpec {
  return {
    name: `detect_${detector}`, title: `Detect ${detector}`,
    description: `Find ${WHAT[detector]}. Window default: the 7 days ending at the newest event. Each finding has a score, member IPs, counts and the detector's reasons. Findings highest score first, paginated. (Through --api: the findings stored runs left in the window.)`,
    input: { ...windowInput, limit: limitInput(10, 100).describe('findings per page (1-100, default 10)'), cursor: cursorInput },
    output: detectOutput,
    run: (b, a) => b.detect(detector, a as never),
    text: (o) => explainFindings(o as DetectResult),
  };
}

/** The detection tools. */
export const DETECT_TOOLS: readonly ToolSpec[] = [detectTool('snowshoe'), detectTool('botnet'), detectTool('longtail')];
