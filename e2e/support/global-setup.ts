import fs from 'node:fs';
import path from 'node:path';

/**
 * Once per e2e run, before any journey: empties the screenshots folder, so what a person looks at
 * afterwards is this run's pictures only. (Each journey used to clear its own, which cannot work
 * once journeys run side by side: one would delete another's pictures.)
 */
export default function setup() {
  fs.rmSync(path.resolve(__dirname, '..', 'screenshots'), { recursive: true, force: true });
}
