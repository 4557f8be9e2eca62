export { TEST_PG_URL, isCi, testDialects, createTestDatabase, pgExec, type Dialect, type TestDatabase } from './test-databases.js';
