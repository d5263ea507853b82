// The web takes every response type from the Worker through hc<AppType>: no page reads JSON or calls fetch itself.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// Every source file of the web app, as text.
const sources = import.meta.glob('../../web/src/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const files = Object.entries(sources).map(([path, text]) => [path.replace('../../web/src/', ''), text] as const);

/** The lines of the web's sources that match, as "file:line: text", except in the files allowed. */
function offending(pattern: RegExp, allowed: string[] = []) {
  const found: string[] = [];
  for (const [path, text] of files) {
    if (allowed.includes(path)) continue;
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) found.push(`${path}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe('response types come from the Worker, not from the page', () => {
  it("finds the web's sources", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.map(([path]) => path)).toContain('api.ts');
  });

  it('no page asserts a body type with readJson<T>', () => {
    expect(offending(/\breadJson\b/)).toEqual([]);
  });

  it('no page calls fetch itself: every request goes through the typed client', () => {
    // api-client.ts is the typed client's runtime (hc's types, its own proxy): the one place that calls fetch.
    expect(offending(/(?<![\w.])fetch\(|\b(window|globalThis|self)\.fetch\(/, ['api-client.ts'])).toEqual([]);
  });

  it('only api.ts turns a response into JSON', () => {
    expect(offending(/\.json\(\s*\)/, ['api.ts'])).toEqual([]);
  });

  it("no call overrides the type read() or attempt() infer from the route, nor casts to a route's answer", () => {
    // A call's type argument would stand in for the route's; the functions' own definitions may name theirs.
    expect(offending(/(?<!function )\b(read|attempt|parseResponse)<|\bas (Answer|Success)</, ['api.ts'])).toEqual([]);
  });
});
