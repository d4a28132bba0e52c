/** The figures as a Markdown table (printed by `npm run bench`, and copied into docs/benchmark.md). */
import { otherMs, phaseMs, phaseRss, type BenchResults, type SizeResult } from './results.ts';

const s = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
const mb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${Math.round(bytes / 1e6)} MB`);
const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} KB`);
const n = (value: number) => value.toLocaleString('en-GB');
const exp = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '' : value.toFixed(2));

export const TARGETS = {
  buildMs10k: 20_000,
  peakRss10k: 1e9,
  validateMs10k: 1000,
  sectionGzip: 15_000,
  searchBytes10k: 100_000,
  searchMs: 300,
};

export function table(results: BenchResults): string {
  const sizes = results.sizes;
  const g = results.growth;
  const head = `| Figure | ${sizes.map((r) => `${n(r.entries)} entries`).join(' | ')} | growth exponent | target (issue 5) |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|---:|---|`;
  const rows: string[] = [];
  const row = (label: string, cell: (r: SizeResult) => string, growth = '', target = '') =>
    rows.push(`| ${label} | ${sizes.map((r) => cell(r)).join(' | ')} | ${growth} | ${target} |`);

  row(
    'validate: time',
    (r) =>
      `${s(r.validate.wallMs)}${r.validate.inProcessMs !== undefined ? ` (${s(r.validate.inProcessMs)} in readReadingList)` : ''}`,
    exp(g?.validateMs),
    '< 1 s at 10,000',
  );
  row('validate: peak RSS', (r) => mb(r.validate.peakRss));
  row(
    '**build (cold): total**, fastest of runs',
    (r) => `**${s(r.cold.wallMs)}**${r.coldRunsMs.length > 1 ? ` (${r.coldRunsMs.map(s).join(', ')})` : ''}`,
    exp(g?.buildMs),
    '≤ 20 s at 10,000 (build + index)',
  );
  row('· content loading (sync)', (r) => s(phaseMs(r.cold, 'content')), exp(g?.contentMs));
  row('· rendering pages', (r) => s(phaseMs(r.cold, 'render')), exp(g?.renderMs));
  row('· output check', (r) => s(phaseMs(r.cold, 'check')));
  row('· Pagefind indexing', (r) => s(phaseMs(r.cold, 'index')), exp(g?.indexMs));
  row('· other (startup, Vite bundle, exit)', (r) => s(otherMs(r.cold)));
  row('build: time per entry', (r) => `${(r.cold.wallMs / r.entries).toFixed(2)} ms`);
  row('build: CPU time (user + system, process tree)', (r) => (r.cold.cpuMs !== undefined ? s(r.cold.cpuMs) : '–'));
  row('**build: peak RSS (process tree)**', (r) => `**${mb(r.cold.peakRss)}**`, exp(g?.peakRss), '≤ 1 GB at 10,000');
  row('· peak RSS in content / render / check / index', (r) =>
    ['content', 'render', 'check', 'index'].map((p) => mb(phaseRss(r.cold, p))).join(' / '),
  );
  row('· largest single process', (r) => `${mb(r.cold.peakProcess.rss)} (${r.cold.peakProcess.name})`);
  row('build (warm, cache kept): total', (r) => (r.warm ? s(r.warm.wallMs) : '–'));
  row('· warm content loading', (r) => (r.warm ? s(phaseMs(r.warm, 'content')) : '–'));
  row('output: files (per entry)', (r) => (r.output ? `${n(r.output.files)} (${r.output.filesPerEntry.toFixed(2)})` : '–'));
  row('output: total bytes', (r) => (r.output ? kb(r.output.bytes) : '–'), exp(g?.outputBytes));
  row('· of which Pagefind (files)', (r) => (r.output ? `${kb(r.output.pagefindBytes)} (${n(r.output.pagefindFiles)})` : '–'));
  row('home page HTML (gzip)', (r) => (r.output ? `${kb(r.output.home.html.bytes)} (${kb(r.output.home.html.gzip)})` : '–'));
  row('largest section page: entries', (r) => (r.output ? n(r.output.largestSection.entries) : '–'));
  row('largest section page HTML (gzip)', (r) =>
    r.output ? `${kb(r.output.largestSection.html.bytes)} (${kb(r.output.largestSection.html.gzip)})` : '–',
  );
  row(
    'largest section page HTML+CSS gzip',
    (r) => (r.output ? kb(r.output.largestSection.htmlCssGzip) : '–'),
    '',
    '≤ 15 KB (shipped list)',
  );
  row('largest page anywhere (gzip)', (r) =>
    r.output?.largestPage
      ? `${kb(r.output.largestPage.html.bytes)} (${kb(r.output.largestPage.html.gzip)}) ${r.output.largestPage.path.replace(/index\.html$/, '')}`
      : '–',
  );
  row('HTML: permalink / section / tag pages / other', (r) =>
    r.output?.htmlBytesBy
      ? [
          r.output.htmlBytesBy.entryPages,
          r.output.htmlBytesBy.sectionPages,
          r.output.htmlBytesBy.tagPages,
          r.output.htmlBytesBy.other,
        ]
          .map(kb)
          .join(' / ')
      : '–',
  );
  row('median entry page HTML (gzip)', (r) =>
    r.output ? `${kb(r.output.entryPage.html.bytes)} (${kb(r.output.entryPage.html.gzip)})` : '–',
  );
  row(
    'JS before search: referenced (gzip)',
    (r) => (r.output ? `${kb(r.output.home.js.bytes)} (${kb(r.output.home.js.gzip)})` : '–'),
    '',
    'a few KB',
  );
  row('JS before search: transferred on load', (r) => (r.search ? kb(r.search.pageLoad.jsBytes) : '–'));
  row(
    `first search “${results.queries[0]}”: transferred`,
    (r) => (r.search ? `${kb(r.search.first.bytes)} (${r.search.first.requests} req)` : '–'),
    '',
    '≤ 100 KB at 10,000',
  );
  row('· of which wasm / index / fragments / JS', (r) =>
    r.search ? ['wasm', 'index', 'fragment', 'js'].map((k) => kb(r.search!.first.byKind[k] ?? 0)).join(' / ') : '–',
  );
  row('first search: time to first results', (r) => (r.search ? s(r.search.first.msToResults) : '–'), '', '≤ 300 ms');
  row(`second search “${results.queries[1]}”: transferred`, (r) =>
    r.search ? `${kb(r.search.second.bytes)} (${r.search.second.requests} req)` : '–',
  );
  row('second search: time to first results', (r) => (r.search ? s(r.search.second.msToResults) : '–'));
  const lines = [head, rule, ...rows];
  if (results.shipped) {
    const o = results.shipped.output;
    lines.push(
      '',
      `Shipped list (content/, ${results.shipped.entries} entries): build ${s(results.shipped.build.wallMs)}, peak ${mb(results.shipped.build.peakRss)}; ` +
        `largest section page ${kb(o.largestSection.html.bytes)} HTML, ${kb(o.largestSection.htmlCssGzip)} HTML+CSS gzip (target ≤ 15 KB); ` +
        `${n(o.files)} files (${o.filesPerEntry.toFixed(2)} per entry); JS before search ${kb(o.home.js.gzip)} gzip.`,
    );
  }
  return lines.join('\n');
}

export function machineLine(results: BenchResults): string {
  const m = results.machine;
  const at = `commit ${results.revision.commit}${results.revision.dirty ? ' plus uncommitted changes in src/' : ''}`;
  return `Measured ${at}; ${m.cpus} CPUs, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}; run took ${s(results.totalMs)} (${results.generatedAt}).`;
}
