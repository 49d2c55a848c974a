import type { CliCommand } from '../command.js';

// Placeholder until the owning capability implements it.
export const eventCommand: CliCommand = {
  name: 'event',
  summary: '(not yet implemented)',
  help: 'Usage: apigw-testkit event\n',
  run: async (_argv, io) => {
    io.stderr('apigw-testkit event: not implemented yet\n');
    return 1;
  },
};
