// Without PostgreSQL a federation test fails, saying how to install it: it never skips silently.
import { rm } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { startPostgres } from '../helpers/postgres-cluster.js';
import { tempDir } from '../helpers/test-hub.js';

it('fails naming apt-get install postgresql when no PostgreSQL is installed', async () => {
  const empty = await tempDir('yichuang-no-postgres-');
  await expect(startPostgres({ serverRoot: empty })).rejects.toThrow(/apt-get install postgresql/);
  await rm(empty, { recursive: true, force: true });
});
