/**
 * `@cowrieprocessor/cli`: the `cowrie` command. Import {@link runCli} to run it in-process.
 * @packageDocumentation
 */
export { runCli } from './program.js';
export { EXIT, processIo, type CliIo } from './io.js';
export { describeLoad } from './commands/load-bulk.js';
export { describeSummary } from './commands/report-summary.js';
