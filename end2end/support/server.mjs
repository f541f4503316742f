// Starts the real `sidhanto` binary on a free port with a fresh SQLite file and
// the demo data, and stops it after the tests. Nothing is left running.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export async function startServer() {
  const bin = process.env.SIDHANTO_BIN ?? join(root, 'target/debug/sidhanto');
  const siteRoot = process.env.SIDHANTO_SITE_ROOT ?? join(root, 'target/site');
  const dir = mkdtempSync(join(tmpdir(), 'sidhanto-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = ['serve', '--demo', '--addr', `127.0.0.1:${port}`, '--site-root', siteRoot,
    '--key-dir', join(dir, 'keys'), '--public-url', baseUrl];
  const child = spawn(bin, args, {
    env: { ...process.env, DATABASE_URL: `sqlite://${join(dir, 'e2e.db')}?mode=rwc`, RUST_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sidhanto exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`sidhanto did not start in 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
