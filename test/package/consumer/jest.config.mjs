// The Jest set-up docs/vitest.md shows (ESM: run Jest with node --experimental-vm-modules).
export default {
  testMatch: ['**/*.jest.mjs'],
  setupFilesAfterEnv: ['apigw-testkit/jest/setup'],
  testEnvironment: 'node',
  transform: {},
};
