// One demo server (a fresh SQLite file with the demo data) and one Chromium
// for a test file: started before its first test, stopped after its last.
// `demo.server.baseUrl`, `demo.browser` inside the tests.
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { startServer } from './server.mjs';

export const root = join(import.meta.dirname, '../..');
export const screenshots = join(root, 'end2end/screenshots');
/** The seed-004 minutes in the meeting format. */
export const SEED = JSON.parse(readFileSync(join(root, 'docs/examples/seed-004.json'), 'utf8'));

/** `setup(demo)` runs once both are up (data every test of the file needs). */
export function useDemo({ start = startServer, setup } = {}) {
  const demo = { server: null, browser: null };
  before(async () => {
    demo.server = await start();
    demo.browser = await launch();
    await setup?.(demo);
  });
  after(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
  });
  return demo;
}
