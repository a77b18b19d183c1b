// Runs publint and @arethetypeswrong/cli on every published package (after `pnpm build`).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const packages = readdirSync(new URL('../packages', import.meta.url));
let failed = false;
for (const name of packages) {
  const directory = `packages/${name}`;
  for (const [tool, args] of [
    ['publint', ['--strict', directory]],
    ['attw', ['--pack', directory, '--format', 'table-flipped', '--profile', 'node16']],
  ]) {
    try {
      execFileSync(`node_modules/.bin/${tool}`, args, { stdio: 'pipe', encoding: 'utf8' });
      console.log(`ok   ${tool} ${name}`);
    } catch (error) {
      failed = true;
      console.log(`FAIL ${tool} ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
process.exit(failed ? 1 : 0);
