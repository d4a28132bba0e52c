/**
 * Generates a deterministic synthetic reading list shaped like content/: 20 sections, N entries with
 * a title, a URL on a few hundred realistic domains, kind framing/approach, 0–3 quotes of ~40 words,
 * some tags, some `added` dates, ~30% with a short Markdown note. Files are written through the
 * project's own serialisers (src/content/entry-file.ts), so they are in canonical form and valid.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { slugify, uniqueSlug } from '../../src/content/slugs.ts';
import type { EntryInput } from '../../src/schemas/content.ts';
import { Random, zipfWeights } from './prng.ts';

export const SECTION_COUNT = 20;

const SECTIONS: [string, string][] = [
  ['Data Platforms', 'Framing and Approaches'],
  ['Data Products', 'Framing and Approaches'],
  ['Machine Learning Systems', 'Models in production'],
  ['Analytics Engineering', 'Modelling, testing and documenting data'],
  ['Streaming', 'Events, logs and real-time pipelines'],
  ['Data Quality', 'Contracts, tests and observability'],
  ['Experimentation', 'A/B tests and causal inference'],
  ['MLOps', 'Training, serving and monitoring'],
  ['Data Governance', 'Ownership, lineage and catalogues'],
  ['Visualisation', 'Dashboards and visual explanation'],
  ['Search and Retrieval', 'Ranking, indexing and relevance'],
  ['Feature Stores', 'Features shared between teams'],
  ['Warehousing', 'Lakes, warehouses and lakehouses'],
  ['Orchestration', 'Schedulers and workflows'],
  ['Privacy', 'Anonymisation and access control'],
  ['Teams and Organisation', 'How data teams work'],
  ['Forecasting', 'Time series in practice'],
  ['Language Models', 'Text, embeddings and prompting'],
  ['Recommender Systems', 'Personalisation at scale'],
  ['Infrastructure', 'Compute, storage and cost'],
];

const ORGS = (
  'netflix uber airbnb spotify lyft stripe shopify pinterest dropbox slack twitter linkedin etsy ' +
  'zalando booking doordash instacart robinhood square coinbase github gitlab atlassian cloudflare ' +
  'databricks snowflake confluent dbt fivetran airbyte segment mixpanel amplitude looker mode hex ' +
  'monzo revolut wise n26 klarna adyen delivery-hero just-eat deliveroo ocado tesco sainsburys ' +
  'bbc guardian nytimes washingtonpost economist ft medium substack notion figma canva miro asana ' +
  'grab gojek tokopedia rakuten mercari line kakao naver flipkart swiggy zomato meesho razorpay ' +
  'yelp reddit quora discord twitch roblox unity ea king riot criteo yandex ovh scaleway hetzner ' +
  'honeycomb datadog grafana elastic mongodb cockroachlabs timescale planetscale supabase vercel'
).split(' ');
const PLATFORMS = [
  'medium.com',
  'towardsdatascience.com',
  'github.com',
  'arxiv.org',
  'dev.to',
  'martinfowler.com',
  'hbr.org',
  'www.oreilly.com',
  'queue.acm.org',
  'blog.acolyer.org',
  'eugeneyan.com',
  'huyenchip.com',
  'lilianweng.github.io',
  'jvns.ca',
  'danluu.com',
  'simonwillison.net',
  'www.infoq.com',
  'thenewstack.io',
  'news.ycombinator.com',
  'www.youtube.com',
  'substack.com',
  'hackernoon.com',
  'betterprogramming.pub',
  'www.kdnuggets.com',
  'distill.pub',
];
const DOMAIN_PATTERNS = [
  (org: string) => `${org}.tech`,
  (org: string) => `engineering.${org}.com`,
  (org: string) => `blog.${org}.com`,
  (org: string) => `${org}.engineering`,
  (org: string) => `www.${org}.com`,
  (org: string) => `tech.${org}.io`,
  (org: string) => `${org}.substack.com`,
];

/** ~340 domains: a few big platforms, then company engineering blogs; drawn Zipf-like (s = 1). */
function buildDomains(): string[] {
  const random = new Random(0xd0a1);
  const domains = new Set<string>(PLATFORMS);
  for (const org of ORGS) {
    const patterns = random.int(2, 3);
    for (let i = 0; i < patterns; i++) domains.add(random.pick(DOMAIN_PATTERNS)(org));
  }
  return [...domains];
}

const TOPICS = (
  'data pipelines|feature engineering|event sourcing|stream processing|batch jobs|data contracts|' +
  'schema evolution|change data capture|the modern data stack|data mesh|lakehouse tables|Kafka|Spark|' +
  'Flink|Airflow|dbt models|Jupyter notebooks|metrics layers|semantic layers|reverse ETL|data catalogues|' +
  'lineage|anomaly detection|time series forecasting|recommendation models|embeddings|vector search|' +
  'ranking|A/B testing|causal inference|sequential testing|model monitoring|model serving|feature stores|' +
  'GPU clusters|cost attribution|query engines|columnar storage|Parquet|Iceberg|Delta Lake|data quality checks|' +
  'data observability|privacy engineering|differential privacy|access control|self-serve analytics|' +
  'dashboards|experimentation platforms|online learning|large language models|prompt evaluation|' +
  'retrieval augmented generation|search relevance|customer segmentation|churn prediction|demand forecasting|' +
  'pricing models|fraud detection|ETL testing|SQL style|data modelling|dimensional models|incident response|' +
  'on-call for data teams|hiring data engineers|analytics engineering|data product management'
).split('|');
const AUDIENCES = [
  'Startups',
  'Small Teams',
  'Scale',
  'the Enterprise',
  'Analysts',
  'Data Scientists',
  'Engineers',
  'Product Teams',
];
const TITLE_TEMPLATES: ((r: Random, org: string) => string)[] = [
  (r, org) => `How We Built ${cap(r.pick(TOPICS))} at ${cap(org)}`,
  (r) => `A Practical Guide to ${cap(r.pick(TOPICS))}`,
  (r) => `${cap(r.pick(TOPICS))}: Lessons From ${r.int(2, 12)} Years in Production`,
  (r) => `Why ${cap(r.pick(TOPICS))} Matters for ${r.pick(AUDIENCES)}`,
  (r) => `${cap(r.pick(TOPICS))} vs ${cap(r.pick(TOPICS))}`,
  (r, org) => `Scaling ${cap(r.pick(TOPICS))} at ${cap(org)}`,
  (r) => `Part ${r.int(1, 5)}: ${cap(r.pick(TOPICS))} From Scratch`,
  (r) => `The ${r.int(3, 10)} Stages of ${cap(r.pick(TOPICS))}`,
  (r) => `${cap(r.pick(TOPICS))} Without the Hype`,
  (r) => `What Nobody Tells You About ${cap(r.pick(TOPICS))}`,
  (r) => `Rethinking ${cap(r.pick(TOPICS))} for ${r.pick(AUDIENCES)}`,
  (r, org) => `Inside ${cap(org)}'s ${cap(r.pick(TOPICS))}`,
];
const cap = (text: string) =>
  text.replace(/(^|[\s-])([a-z])/g, (_, pre: string, ch: string) => pre + ch.toUpperCase()).replace(/^The Modern/, 'The Modern');

const WORDS = (
  'the data team we our pipeline model users service platform teams product analysts metrics ' +
  'quality tables events schema query warehouse changes every each build built run runs running ' +
  'production batch stream real time cost latency reliability ownership contract tests testing ' +
  'deploy monitoring alert incident failure recovery backfill partition storage compute cluster ' +
  'scale scaled scaling simple complex problem solution approach design architecture tradeoff ' +
  'decision experiment result impact business value customer revenue growth feature features ' +
  'training serving inference latency throughput freshness accuracy drift bias fairness privacy ' +
  'access governance catalogue lineage documentation discovery self serve dashboard report insight ' +
  'question answer trust confidence signal noise baseline benchmark evaluation offline online ' +
  'engineers scientists managers stakeholders organisation culture process tooling infrastructure ' +
  'migration legacy rewrite incremental iteration feedback loop ship learn measure improve ' +
  'instead rather than because when while although however therefore often rarely always never ' +
  'most many few some all no one two three small large fast slow cheap expensive hard easy ' +
  'important critical obvious subtle hidden explicit implicit shared central local global ' +
  'vendor open source managed hosted cloud on premise kafka spark flink airflow dbt python sql ' +
  'notebook jupyter parquet iceberg snowflake bigquery redshift postgres clickhouse druid pinot ' +
  'embedding vector ranking retrieval recommendation forecast seasonality holiday anomaly fraud ' +
  'churn pricing segment cohort funnel retention conversion attribution causal variance power'
).split(' ');
const WORD_WEIGHTS = zipfWeights(WORDS.length, 0.8);

function sentence(r: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[r.weighted(WORD_WEIGHTS)] as string);
  if (r.chance(0.3)) out.splice(r.int(1, out.length - 1), 0, cap(r.pick(ORGS)));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + (r.chance(0.9) ? '.' : '?');
}

/** A quote of about 40 words (25–55), two or three sentences. */
function quote(r: Random): string {
  const total = r.int(25, 55);
  const first = r.int(8, Math.max(9, total - 10));
  const parts = [sentence(r, first), sentence(r, total - first)];
  return parts.join(' ');
}

const TAGS = (
  'data-engineering machine-learning analytics streaming sql python spark kafka airflow dbt ' +
  'data-quality mlops experimentation forecasting privacy governance architecture career ' +
  'management testing observability cost search nlp llm recommendation visualisation ' +
  'warehousing lakehouse orchestration feature-store metrics product strategy open-source ' +
  'case-study tutorial opinion research postmortem'
).split(' ');
const TAG_WEIGHTS = zipfWeights(TAGS.length, 0.9);

function note(r: Random, url: (n: number) => string): string {
  switch (r.int(0, 3)) {
    case 0:
      return `- ${sentence(r, r.int(4, 9))}\n- ${sentence(r, r.int(4, 9))}\n- ${sentence(r, r.int(4, 9))}`;
    case 1:
      return `${sentence(r, r.int(10, 20))} See also [the follow-up](${url(1)}).`;
    case 2:
      return `**${cap(r.pick(TOPICS))}**: ${sentence(r, r.int(8, 16))} Uses \`${r.pick(['dbt run', 'spark-submit', 'kafka-console-consumer', 'SELECT *'])}\`.`;
    default:
      return `${sentence(r, r.int(12, 24))}\n\n> ${sentence(r, r.int(6, 12))}`;
  }
}

export interface GeneratedList {
  dir: string;
  entries: number;
  sections: number;
  files: number;
  bytes: number;
  /** Entries in the largest section. */
  largestSection: number;
  ms: number;
}

/** Writes `list.md`, `sections/` and `entries/` for `count` entries under `dir` (created). */
export function generateList(dir: string, count: number, seed = 20240531): GeneratedList {
  const started = performance.now();
  const r = new Random(seed ^ count);
  const domains = buildDomains();
  const domainWeights = zipfWeights(domains.length, 1);
  // Sections are uneven, as in a real list: the largest holds ~3x the smallest.
  const sectionWeights = zipfWeights(SECTION_COUNT, 0.45);
  const sectionIds = SECTIONS.map(([title]) => slugify(title));

  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  mkdirSync(join(dir, 'sections'), { recursive: true });
  write(
    join(dir, 'list.md'),
    serialiseList({ title: 'Benchmark List', description: `A synthetic reading list of ${count} entries.` }),
  );
  SECTIONS.forEach(([title, summary], i) => {
    mkdirSync(join(dir, 'entries', sectionIds[i] as string), { recursive: true });
    write(
      join(dir, 'sections', `${sectionIds[i]}.md`),
      serialiseSection({ title, summary, order: i + 1 }, i % 4 === 0 ? sentence(r, 14) : ''),
    );
  });

  const slugs = new Set<string>();
  const perSection = new Array<number>(SECTION_COUNT).fill(0);
  for (let n = 0; n < count; n++) {
    const sectionIndex = r.weighted(sectionWeights);
    perSection[sectionIndex]!++;
    const section = sectionIds[sectionIndex] as string;
    const domain = domains[r.weighted(domainWeights)] as string;
    const org = r.pick(ORGS);
    const title = r.pick(TITLE_TEMPLATES)(r, org);
    const slug = uniqueSlug(slugify(title), (candidate) => slugs.has(candidate));
    slugs.add(slug);
    const id = ((n * 2654435761) >>> 0).toString(16).padStart(8, '0');
    const url = (extra: number) =>
      `https://${domain}/${extra ? 'posts/' : ''}${slugify(title).slice(0, 48)}-${id}${extra ? `-${extra}` : ''}`;
    const quoteCount = r.weighted([25, 65, 88, 100]);
    const tagCount = r.weighted([35, 60, 85, 100]);
    const tags = new Set<string>();
    for (let t = 0; t < tagCount; t++) tags.add(TAGS[r.weighted(TAG_WEIGHTS)] as string);
    const data: EntryInput = {
      title,
      url: url(0),
      section,
      kind: r.chance(0.3) ? 'framing' : 'approach',
      quotes: Array.from({ length: quoteCount }, () => quote(r)),
      tags: [...tags].sort(),
      ...(r.chance(0.6)
        ? { added: `${r.int(2016, 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` }
        : {}),
      ...(r.chance(0.15) ? { order: r.int(1, 50) } : {}),
    };
    const notes = r.chance(0.3) ? note(r, url) : '';
    write(join(dir, 'entries', section, `${slug}.md`), serialiseEntry(data, notes));
  }
  return {
    dir,
    entries: count,
    sections: SECTION_COUNT,
    files,
    bytes,
    largestSection: Math.max(...perSection),
    ms: performance.now() - started,
  };
}
