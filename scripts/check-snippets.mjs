// Type-checks the TypeScript snippets of the README and the guides, so documentation never
// shows code that does not compile. Each ```ts block becomes a module in .snippets/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const sources = [
  'README.md',
  'packages/payweave/README.md',
  'packages/core/README.md',
  'packages/testing/README.md',
];
rmSync('.snippets', { recursive: true, force: true });
mkdirSync('.snippets');
let count = 0;
for (const source of sources) {
  const text = readFileSync(source, 'utf8');
  for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
    count += 1;
    const name = `${source.replace(/[/.]/g, '-')}-${count}.ts`;
    // Snippets may use names a reader would have in scope; they are declared, not invented.
    const prelude =
      'declare const token: string; declare const orderId: string; declare const id: string; declare const vaultId: string;\n';
    writeFileSync(`.snippets/${name}`, `${prelude}${match[1]}\nexport {};\n`);
  }
}
writeFileSync(
  '.snippets/tsconfig.json',
  JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { baseUrl: '..' }, include: ['./*.ts'] }),
);
try {
  execFileSync('node_modules/.bin/tsc', ['-p', '.snippets/tsconfig.json', '--noEmit'], { stdio: 'inherit' });
  console.log(`${count} snippets type-check (${readdirSync('.snippets').length - 1} files).`);
} catch {
  process.exit(1);
}
