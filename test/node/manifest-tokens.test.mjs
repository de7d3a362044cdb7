// A custom property (`--lk-…`) means one thing with one default everywhere:
// every `var(--lk-x, fallback)` in the elements' styles falls back to the
// same value, and the default an element's JSDoc gives (`@cssprop
// [--lk-x=default]`, which the manifest, the README and Storybook show) is
// that value. Two greens for one token, or a JSDoc default copied wrong,
// fail here, and so does a token an element uses but does not document.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'dist', 'custom-elements.json'), 'utf8'));

/** Every `var(--lk-…)` in the elements' sources, nested ones included: token → fallback → files. */
function fallbacks() {
  const found = new Map();
  const files = readdirSync(join(root, 'src', 'elements'), { recursive: true }).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(join(root, 'src', 'elements', file), 'utf8');
    for (let start = text.indexOf('var(--lk-'); start !== -1; start = text.indexOf('var(--lk-', start + 4)) {
      let depth = 0;
      let end = start + 3;
      for (; end < text.length; end += 1) {
        if (text[end] === '(') depth += 1;
        else if (text[end] === ')' && --depth === 0) break;
      }
      const inner = text.slice(start + 4, end);
      const comma = inner.indexOf(',');
      const token = (comma === -1 ? inner : inner.slice(0, comma)).trim();
      const fallback = comma === -1 ? '(none)' : inner.slice(comma + 1).trim().replace(/\s+/gu, ' ');
      const byFallback = found.get(token) ?? new Map();
      byFallback.set(fallback, [...(byFallback.get(fallback) ?? []), file]);
      found.set(token, byFallback);
    }
  }
  return found;
}

const used = fallbacks();

test('every custom property falls back to one value across the elements', () => {
  assert.ok(used.size > 20, 'the scan finds the tokens');
  const mixed = [...used]
    .filter(([, byFallback]) => byFallback.size > 1)
    .map(([token, byFallback]) => `${token}: ${[...byFallback].map(([fallback, files]) => `${fallback} in ${[...new Set(files)].join(', ')}`).join('; ')}`);
  assert.deepEqual(mixed, []);
});

test("each element's documented default is the value its styles fall back to", () => {
  const wrong = [];
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    if (!declaration.tagName) continue;
    for (const { name, default: documented } of declaration.cssProperties ?? []) {
      const byFallback = used.get(name);
      if (documented === undefined || !byFallback) continue;
      const [fallback] = [...byFallback.keys()];
      if (documented !== fallback) wrong.push(`<${declaration.tagName}> ${name}: documented ${documented}, styles ${fallback}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("each element documents every custom property its own styles use", () => {
  const undocumented = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const properties = declaration.cssProperties ?? [];
      // A token inside another's default (`--lk-color-debt` falls back to `--lk-color-text`) is documented with it.
      const documented = (token) => properties.some(({ name, default: fallback = '' }) => name === token || fallback.includes(`${token},`));
      const folder = join(root, dirname(module.path));
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
        for (const [, token] of readFileSync(join(folder, file), 'utf8').matchAll(/var\((--lk-[a-z0-9-]+)/gu)) {
          if (!documented(token)) undocumented.push(`<${declaration.tagName}> ${token} (${file})`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(undocumented)], []);
});
