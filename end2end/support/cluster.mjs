// Starts scripts/cluster: two `sidhanto` instances behind nginx on one
// PostgreSQL database, made fresh in the cluster at PG_URL (scripts/test
// starts one). Stops everything after the tests.
import { spawn, execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from './server.mjs';

const root = resolve(import.meta.dirname, '../..');

export async function startCluster() {
  const pg = process.env.PG_URL;
  if (!pg) throw new Error('PG_URL is not set: run the tests with scripts/test, which starts PostgreSQL');
  const name = `cluster_${process.pid}`;
  execFileSync('psql', ['-q', pg, '-c', `CREATE DATABASE ${name}`]);
  const port = await freePort();
  const child = spawn(join(root, 'scripts/cluster'), [], {
    env: {
      ...process.env,
      DATABASE_URL: pg.replace(/\/[^/]*$/, `/${name}`),
      CLUSTER_PORT: String(port),
      SIDHANTO_BIN: process.env.SIDHANTO_BIN ?? join(root, 'target/debug/sidhanto'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (!output.includes('is serving on')) {
    if (child.exitCode !== null) throw new Error(`scripts/cluster exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`scripts/cluster did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      execFileSync('psql', ['-q', pg, '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    },
  };
}
