// A block's process: takes one BlockJob over IPC, simulates it (simulate-block.ts), reports, exits.
import { simulateBlock, type BlockJob, type BlockMessage } from './simulate-block.js';

const send = (m: BlockMessage): Promise<void> => new Promise((resolve) => process.send!(m, () => resolve()));

process.once('message', (job: BlockJob) => {
  simulateBlock(job, (day) => void send({ type: 'day', day }))
    .then((result) => send({ type: 'done', result }))
    .catch((err: unknown) => send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
    .finally(() => process.disconnect());
});
// The generator is gone (stopped or crashed): stop too.
process.once('disconnect', () => process.exit(0));
