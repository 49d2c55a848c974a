// A CommonJS project's Jest set-up: Jest's default mode (no --experimental-vm-modules, no transform needed),
// the package loaded through its `require` condition.
module.exports = {
  testMatch: ['**/*.test.js'],
  setupFilesAfterEnv: ['apigw-testkit/jest/setup'],
  testEnvironment: 'node',
};
