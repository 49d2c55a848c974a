import type { CliCommand } from '../command.js';

// Placeholder until the owning capability implements it.
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '(not yet implemented)',
  help: 'Usage: apigw-testkit serve\n',
  run: async (_argv, io) => {
    io.stderr('apigw-testkit serve: not implemented yet\n');
    return 1;
  },
};
