// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostilePages } from '../fixtures/hostile/pages';

// `npm run analyze` on pages it cannot read: one clear line on stderr and exit status 1, never a stack trace.
function analyze(html: string): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', file], { encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run analyze on pages it cannot read', () => {
  it('says that markup nested 5,000 levels deep is too deep for jsdom', () => {
    const deep = hostilePages().find((p) => p.name === 'markup nested 5,000 levels deep')!;
    const { status, stdout, stderr } = analyze(deep.html);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(/^analyze: .*nests its elements too deeply to read here/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says that a file is not an HTML page', () => {
    const { status, stderr } = analyze('just some words, no markup');
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^analyze: .*does not look like an HTML page$/);
  });
});
