export { migrateDiskCache, type MigrateCacheOptions, type MigrateCacheResult } from './migrate-disk-cache.js';
export { scanDiskCache, type ScannedFile } from './scan-disk-cache.js';
