// One definition for every package: which databases specs run on (PostgreSQL never silently
// skipped under CI), throwaway SQLite files and PostgreSQL schemas.
export * from '@cowrieprocessor/core/testing';
