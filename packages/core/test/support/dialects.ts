// The helpers live in the package (`@cowrieprocessor/core/testing`) so that every package's specs,
// and specs of code built on ours, share one definition of which databases to run on.
export * from '../../src/testing/index.js';
