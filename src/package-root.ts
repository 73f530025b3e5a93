// The package's root, found from this file (src/ or, built, dist/src/), never from the working
// directory: a server or tool started elsewhere must still find its migrations, its schema and
// its dashboard (from the working directory, the migrations list came back silently empty).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function find(): string {
  const here = fileURLToPath(import.meta.url);
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${here}`);
  }
}

export const packageRoot: string = find();
