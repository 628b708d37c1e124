/**
 * `npm run eval:anchoring [-- --per-page N --seed S]`: saves random passages on
 * the readability test pages, alters copies of the pages (ads, new paragraphs,
 * whitespace and punctuation, an edited word, a moved paragraph, all of
 * these, the passage deleted) and re-anchors. Prints the re-anchoring rate per
 * alteration and the count of wrong anchors (painted text that is not the
 * passage), which must be zero.
 */
import { ALTERATION_KINDS, listPages, loadPage, runTrial, seededRandom, type Outcome, type TrialResult } from '../tests/highlights/alterations';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const perPage = arg('per-page', 3);
const seed = arg('seed', 2024);
const verbose = process.argv.includes('--verbose');

const only = process.argv.indexOf('--page');
const pages = only >= 0 ? [process.argv[only + 1]] : listPages();
if (!pages.length) {
  console.log('eval:anchoring skipped: ../shared/data/readability-pages is not there (clone the shared data beside the repo).');
  process.exit(0);
}

const results: TrialResult[] = [];
const started = Date.now();
for (const [p, name] of pages.entries()) {
  const page = loadPage(name);
  const rng = seededRandom(seed + p * 7919);
  for (const kind of ALTERATION_KINDS) {
    for (let i = 0; i < perPage; i++) {
      const result = runTrial(page, kind, rng);
      results.push(result);
      if (verbose && !['reanchored', 'skipped', 'copy'].includes(result.outcome) && !(kind === 'deleted' && result.outcome === 'orphaned')) {
        console.log(`  ${name} ${kind} ${result.outcome}: ${result.detail}`);
      }
    }
  }
}

const count = (list: TrialResult[], outcome: Outcome) => list.filter((r) => r.outcome === outcome).length;
const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '-') + '%';
console.log(`${pages.length} pages, ${perPage} passages per page and alteration, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
console.log('alteration               trials  reanchored  imprecise  orphaned  on copy  wrong');
for (const kind of ALTERATION_KINDS) {
  const list = results.filter((r) => r.kind === kind && r.outcome !== 'skipped');
  console.log(
    `${kind.padEnd(24)} ${String(list.length).padStart(6)}  ${pct(count(list, 'reanchored'), list.length).padStart(10)}  ` +
      `${pct(count(list, 'imprecise'), list.length).padStart(9)}  ${pct(count(list, 'orphaned'), list.length).padStart(8)}  ${String(count(list, 'copy')).padStart(7)}  ${String(count(list, 'wrong')).padStart(5)}`,
  );
}
const kept = results.filter((r) => r.kind !== 'deleted' && r.outcome !== 'skipped');
const deleted = results.filter((r) => r.kind === 'deleted' && r.outcome !== 'skipped');
const found = count(kept, 'reanchored') + count(kept, 'imprecise');
console.log(
  `\nanchoring reanchored=${pct(found, kept.length)} exact_span=${pct(count(kept, 'reanchored'), kept.length)} ` +
    `wrong=${results.filter((r) => r.outcome === 'wrong').length} on_copy=${results.filter((r) => r.outcome === 'copy').length} orphaned_deleted=${pct(count(deleted, 'orphaned'), deleted.length)} ` +
    `trials=${kept.length + deleted.length}`,
);
