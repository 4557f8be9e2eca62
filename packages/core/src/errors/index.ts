export { CowrieError, InputError, UsageError, StoreError, SchemaVersionError } from './cowrie-error.js';
