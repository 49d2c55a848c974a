import type { CliCommand } from '../command.js';

// Placeholder until the owning capability implements it.
export const renderCommand: CliCommand = {
  name: 'render',
  summary: '(not yet implemented)',
  help: 'Usage: apigw-testkit render\n',
  run: async (_argv, io) => {
    io.stderr('apigw-testkit render: not implemented yet\n');
    return 1;
  },
};
