/** Jest runs unit, integration, adversarial and browser tests; ts-jest compiles TypeScript. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', target: 'ES2020', isolatedModules: true, resolveJsonModule: true, esModuleInterop: true } }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testTimeout: 60000,
};
