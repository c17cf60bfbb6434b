import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The test run's own cache directory: CLI processes the tests start keep their compiled-code and bundle
// caches here, not in the user's ~/.cache (a test that needs a particular cache sets its own). Set before
// the test workers start, which inherit it.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'pacto-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
