#!/usr/bin/env node
// npm run size: each production entry's size, minified, gzip -9 and brotli,
// with everything it imports statically. What an element loads on demand
// (another locale's strings) does not count, but must be a separate chunk.
// Fails when an entry is over its budget (scripts/entries.mjs).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { budgets, productionEntries } from './entries.mjs';
import { bundleEntry, staticClosure } from './lib/bundle.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
const failures = [];

for (const [name, input] of Object.entries(productionEntries)) {
  const { chunks, entry } = await bundleEntry(input);
  const code = staticClosure(chunks, entry).map((chunk) => chunk.code).join('\n');
  const bytes = Buffer.from(code);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const lazy = chunks.size - staticClosure(chunks, entry).length;
  const budget = budgets[name];
  rows.push({ entry: name, min: kb(bytes.length), gzip: kb(gzip), brotli: kb(brotli), budget: budget ? kb(budget) : '—', lazy });
  if (budget && gzip > budget) failures.push(`${name}: ${kb(gzip)} min+gzip is over its budget of ${kb(budget)}`);
  if (name !== 'index' && name !== 'provider' && lazy === 0) {
    failures.push(`${name}: no lazily loaded chunk (the English strings must load on demand)`);
  }
}

console.table(rows);
if (failures.length) {
  console.error(`Size check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('Size check: every entry is within its budget.');
