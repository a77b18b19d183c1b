/** `12.3 kB` (1 kB = 1,000 bytes). */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** `1.23x`. */
export function formatRatio(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** A number with at most one decimal and thousands separators. */
export function formatNumber(value: number, decimals = 1): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/** A GitHub-style markdown table, columns padded as biome formats them (RESULTS.md is linted). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
