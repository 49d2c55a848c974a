// Global test setup: registers apigw-testkit's own vitest matchers for every test file.
import '../src/vitest/setup.js';
