import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as zodMini from 'zod/mini';
import * as bundled from './zod.js';

const packagesDir = join(import.meta.dirname, '..', '..');

/** Names of `z` used only in type positions (`z.infer<…>`, `z.core.$ZodIssue`): erased at build. */
const typeOnly = new Set(['core', 'infer', 'input', 'output']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('@payweave/core/zod', () => {
  // Every package's dist takes zod/mini from this module, while tests run the sources against
  // zod itself: a name missing here would break only the published packages.
  it('exports every zod/mini function a package uses at run time', () => {
    const missing = new Set<string>();
    for (const pkg of readdirSync(packagesDir)) {
      const src = join(packagesDir, pkg, 'src');
      if (!statSync(join(packagesDir, pkg)).isDirectory()) continue;
      for (const file of sourceFiles(src)) {
        const text = readFileSync(file, 'utf8');
        if (!/^import \* as z from 'zod\/mini';$/m.test(text)) continue;
        expect(text, `${file} imports named values from zod/mini`).not.toMatch(
          /^import \{[^}]*\} from 'zod\/mini'/m,
        );
        for (const [, name] of text.matchAll(/\bz\.([A-Za-z_$][\w$]*)/g)) {
          if (name && name in zodMini && !typeOnly.has(name) && !(name in bundled)) missing.add(name);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('leaves zod/mini’s locales out', () => {
    expect('locales' in bundled).toBe(false);
    expect(bundled.string).toBe(zodMini.string);
  });
});
