import type { CliCommand } from '../command.js';

// Placeholder until the owning capability implements it.
export const checkResultCommand: CliCommand = {
  name: 'check-result',
  summary: '(not yet implemented)',
  help: 'Usage: apigw-testkit check-result\n',
  run: async (_argv, io) => {
    io.stderr('apigw-testkit check-result: not implemented yet\n');
    return 1;
  },
};
