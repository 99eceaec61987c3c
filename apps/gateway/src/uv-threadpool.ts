// Imported first by main.ts, so it runs before any other module (imports are hoisted: a statement in
// main.ts itself would run after them). libuv's thread pool is sized once, when it first starts.
//
// argon2 hashing, DNS lookups (getaddrinfo), file reads and async crypto all share that pool; with
// libuv's default of 4 threads a burst of 4 logins would stall name resolution for the upstream
// services. 8 threads leave room beside PASSWORD_HASH_CONCURRENCY (2 by default), which bounds how
// many of them argon2 may hold. An operator's own value wins.
process.env.UV_THREADPOOL_SIZE ??= '8';

export {};
