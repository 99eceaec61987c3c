// Test helpers for apps that verify platform tokens; never imported by app code.
export { TestAuthority, type TestCaller } from './test-authority';
