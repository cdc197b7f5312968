// parseRun on real-world lines: each `docker run` line of test/fixtures/run-lines.json is quoted
// exactly from the README or docs page its `source` names (placeholders of templated pages, such
// as docker-library's %%IMAGE%%, replaced by what the published page shows). Every flag of each
// line must land in the spec or be named in `unsupported`, as written down there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunLine } from '../../../src/shared/containers/run-parse';
import { createContainerSpec } from '../../../src/shared/contract/containers';
import type { CreateContainerSpec } from '../../../src/shared/contract';

interface FixtureLine {
  image: string;
  source: string;
  line: string;
  placeholders?: Record<string, string>;
  expect: { spec: CreateContainerSpec; unsupported: string[]; shellRest?: string };
}

const lines = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/run-lines.json'), 'utf8')) as FixtureLine[];

function rendered(entry: FixtureLine): string {
  let line = entry.line;
  for (const [from, to] of Object.entries(entry.placeholders ?? {})) line = line.split(from).join(to);
  return line;
}

describe('real-world docker run lines', () => {
  it('holds 30+ lines from many images, each with its source', () => {
    expect(lines.length).toBeGreaterThanOrEqual(30);
    expect(new Set(lines.map((entry) => entry.image)).size).toBeGreaterThanOrEqual(25);
    for (const entry of lines) expect(entry.source).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
  });

  it.each(
    lines.map(
      (entry) =>
        [
          `${entry.image}: ${rendered(entry)
            .replace(/\s*\\\n\s*/g, ' ')
            .slice(0, 90)}`,
          entry,
        ] as const,
    ),
  )('%s', (_name, entry) => {
    const result = parseRunLine(rendered(entry));
    if (!result.ok) throw new Error(result.error);
    const { spec, unsupported, shellRest } = result.parsed;
    expect(spec).toEqual(entry.expect.spec);
    expect(unsupported.map((u) => (u.value !== undefined ? `${u.flag} ${u.value}` : u.flag))).toEqual(entry.expect.unsupported);
    expect(shellRest).toBe(entry.expect.shellRest);
    // What was taken is a spec the form and the engine accept (apart from placeholders such as ":tag").
    expect(createContainerSpec.safeParse(spec).error?.issues ?? []).toEqual([]);
  });
});
