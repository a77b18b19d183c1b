import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one bucket or function, as a share of all sampled time. */
export interface ProfileShare {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

/** Where a profiled process spent its time, by source bucket and by function. */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly buckets: ProfileShare[];
  readonly functions: ProfileShare[];
}

/**
 * Maps each line of an esbuild bundle (not minified) to the module it came from, using
 * the `// path/to/module.ts` comment esbuild writes before every module.
 */
function moduleRanges(bundle: string): (line: number) => string {
  const starts: { line: number; module: string }[] = [];
  bundle.split('\n').forEach((text, index) => {
    const match = /^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/.exec(text);
    if (match) starts.push({ line: index, module: match[1] as string });
  });
  return (line) => {
    let found = 'bench';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.module;
    }
    return found;
  };
}

/** A readable owner for a module path: a package, a payweave source folder, or Node. */
function bucketOf(url: string, module: string | undefined, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 / native';
  // llhttp, undici's HTTP parser, runs as WebAssembly.
  if (url.includes('internal/deps/undici') || url.startsWith('wasm://')) return 'node: undici (fetch)';
  if (url.startsWith('node:')) return 'node: core modules';
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    module ?? url,
  );
  if (dependency) return `dep: ${dependency[1]}`;
  if (!module) return url;
  const source = /packages\/([^/]+)\/src\/(.+?)(?:\/[^/]+)?\.ts$/.exec(module);
  if (source) return `${source[1]}/${source[2]?.split('/')[0]}`;
  return module.includes('packages/') ? module.replace(/^.*packages\//, '') : 'bench harness';
}

/**
 * Reads a `.cpuprofile` of a process running a bundle made by `compileEntries` and
 * returns self time per bucket (a dependency, a folder of a payweave package, Node's
 * fetch, Node core, GC) and the top functions.
 */
export function summarizeProfile(profileFile: string, bundleFile: string, topFunctions = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const moduleAt = moduleRanges(readFileSync(bundleFile, 'utf8'));
  const bundleUrl = `file://${bundleFile}`;
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0 || node.callFrame.functionName === '(idle)') continue;
    total += micros;
    const { url, functionName, lineNumber } = node.callFrame;
    const module = url === bundleUrl ? moduleAt(lineNumber) : undefined;
    const bucket = bucketOf(url, module, functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} — ${module ? module.replace(/^.*(node_modules\/|packages\/)/, '') : url.replace(/^node:internal\//, '') || 'native'}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const shares = (map: Map<string, number>) =>
    [...map.entries()]
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }))
      .sort((a, b) => b.ms - a.ms);
  return {
    totalMs: total / 1000,
    buckets: shares(buckets),
    functions: shares(functions).slice(0, topFunctions),
  };
}
