import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The accuracy gate reconciles a generated county of 20,000 people.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: two workers.
    maxWorkers: 2,
  },
});
