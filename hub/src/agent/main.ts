// Entry point of the print agent (npm run agent -- --hub … --printer … --token …).
import { AgentOptionsError, readAgentOptions } from './options.js';
import { PrintAgent } from './print-agent.js';

const log = (line: string): void => console.error(`[agent] ${line}`);

try {
  const agent = new PrintAgent(readAgentOptions(process.argv.slice(2)), log);
  agent.start();
  const stop = (): void => {
    agent.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof AgentOptionsError ? err.message : err);
  process.exit(2);
}
