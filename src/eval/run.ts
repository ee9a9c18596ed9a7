/**
 * `npm run eval -- DIR [--per-case] [--json] [--predictions FILE] [--html] [--listings]`: runs the
 * extractor over every DIR/<case>/input.* with an expected.json and prints the corpus metrics, overall
 * and per family. With --html it reads each case's original page (source.html.gz) instead, where there
 * is one. --listings adds the pages to look at (eval/listings.ts): bodies under 0.5, author junk.
 *
 * `npm run eval -- --dialects CORPUS`: the same pages as several converters wrote them — CORPUS/dev and
 * every CORPUS/dialects/<name> — in one table, a row per dialect, over the web families and fd.
 */
import {readdirSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {decode} from '../decode.js'
import {extract} from '../extract.js'
import '../core/html-convert.js'
import {readTextFile} from '../cli/read.js'
import type {Article, MetadataDecision} from '../types.js'
import {metadataSummary} from './metadata.js'
import {scoreCase, summarize, type CaseScore, type Gold, type Summary} from './score.js'
import {authorJunkListing, lowBodyListing, type ListedCase} from './listings.js'

interface Args {
  dir: string
  /** Score CORPUS/dev and every CORPUS/dialects/<name>, a row each. */
  dialects: boolean
  /** Print the listings of eval/listings.ts after the table. */
  listings: boolean
  perCase: boolean
  json: boolean
  predictions?: string
  only?: string[]
  /** Read source.html.gz, the original page, instead of the scraped input. */
  html: boolean
}

const USAGE = 'usage: npm run eval -- DIR [--per-case] [--json] [--only fam1,fam2] [--predictions FILE] [--html] [--listings]\n       npm run eval -- --dialects CORPUS [--only fam1,fam2]'

function parseArgs(argv: string[]): Args {
  const args: Args = {dir: '', dialects: false, perCase: false, json: false, html: false, listings: false}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--help' || a === '-h') throw new Error(USAGE)
    if (a === '--per-case') args.perCase = true
    else if (a === '--json') args.json = true
    else if (a === '--html') args.html = true
    else if (a === '--dialects') args.dialects = true
    else if (a === '--listings') args.listings = true
    else if (a === '--predictions') args.predictions = argv[++i]
    else if (a === '--only') args.only = argv[++i].split(',')
    else if (!args.dir) args.dir = a
    else throw new Error(`unexpected argument \`${a}\``)
  }
  if (!args.dir) throw new Error(USAGE)
  if (!existsSync(args.dir)) throw new Error(`eval: no such directory: ${args.dir}`)
  if (args.dialects && !existsSync(join(args.dir, 'dialects'))) throw new Error(`eval: --dialects wants a corpus folder with dev/ and dialects/ in it; ${args.dir} has no dialects/`)
  return args
}

/** The family of a case: the part of its name before the first "-". */
export const familyOf = (name: string): string => name.split('-')[0]

function inputOf(dir: string): string | undefined {
  return readdirSync(dir).filter((f) => /^input\.[^.]+$/.test(f)).sort()[0]
}

const SOURCE_PAGE = 'source.html.gz'

async function readCase(dir: string, input: string, html: boolean): Promise<Article> {
  if (!html) {
    const {text} = await readTextFile(join(dir, input))
    return extract(text, {file: join(dir, input), explain: true})
  }
  const {text} = decode(gunzipSync(readFileSync(join(dir, SOURCE_PAGE))))
  return extract(text, {file: join(dir, SOURCE_PAGE), inputFormat: 'html', explain: true})
}

const fmt = (x: number | null): string => (x === null ? '    —' : x.toFixed(3).padStart(5))

function table(rows: [string, Summary][]): string {
  const head = 'family      docs  body F1 (P / R)        headline     authors      date         date*        footer       snippets kept / dropped'
  const line = (name: string, s: Summary): string =>
    [
      name.padEnd(10),
      String(s.docs).padStart(5),
      `  ${fmt(s.bodyF1)} (${fmt(s.bodyP)}/${fmt(s.bodyR)}) n=${String(s.bodyDocs).padEnd(4)}`,
      `${fmt(s.headline)} n=${String(s.headlineDocs).padEnd(4)}`,
      `${fmt(s.authors)} n=${String(s.authorsDocs).padEnd(4)}`,
      `${fmt(s.date)} n=${String(s.dateDocs).padEnd(4)}`,
      `${fmt(s.dateReachable)} n=${String(s.dateReachableDocs).padEnd(4)}`,
      `${fmt(s.footer)} n=${String(s.footerDocs).padEnd(4)}`,
      `${fmt(s.snippetsKept)} / ${fmt(s.snippetsDropped)} n=${s.snippets}`,
    ].join(' ')
  return [head, ...rows.map(([name, s]) => line(name, s))].join('\n')
}

/** The families of the dialect table: the web pages that have an original page, as the dialects do. */
const DIALECT_FAMILIES = ['wcxb', 'l3s', 'tf', 'fd']

interface Evaluation {
  scores: CaseScore[]
  predictions: string[]
  /** Each case's metadata decisions, for the summary under the table. */
  metadata: (MetadataDecision[] | undefined)[]
  /** Every case with its article and gold, for the listings (empty without --listings). */
  listed: ListedCase[]
}

/** Runs the extractor over every case of `dir` and scores it. */
async function evaluate(dir: string, args: Pick<Args, 'only' | 'html'> & Partial<Pick<Args, 'listings'>>): Promise<Evaluation> {
  const cases = readdirSync(dir, {withFileTypes: true})
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'expected.json')))
    .map((d) => d.name)
    .filter((name) => !args.only || args.only.includes(familyOf(name)))
    .sort()
  const scores: CaseScore[] = []
  const predictions: string[] = []
  const metadata: (MetadataDecision[] | undefined)[] = []
  const listed: ListedCase[] = []
  for (const name of cases) {
    const input = inputOf(join(dir, name))
    if (!input || (args.html && !existsSync(join(dir, name, SOURCE_PAGE)))) continue
    const gold = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Gold
    let article: Article | undefined
    try {
      article = await readCase(join(dir, name), input, args.html)
    } catch (error) {
      process.stderr.write(`eval: ${name}: ${(error as Error).message}\n`)
    }
    scores.push(scoreCase(name, article, gold))
    // Explained for the metadata summary; the predictions leave the listings out.
    metadata.push(article?.metadata)
    // Every article is kept, blocks and all, only when the listings will read them.
    if (args.listings) listed.push({name, article, gold, score: scores[scores.length - 1]})
    if (article) predictions.push(JSON.stringify({...article, input: {...article.input, changes: undefined}, blocks: undefined, metadata: undefined, file: `${name}/${input}`}))
  }
  return {scores, predictions, metadata, listed}
}

/** One row per dialect: the native files (CORPUS/dev) first, then CORPUS/dialects/<name>, over the web families and fd. */
async function dialectTable(args: Args): Promise<void> {
  const only = args.only ?? DIALECT_FAMILIES
  const folders: [string, string][] = [['native', join(args.dir, 'dev')]]
  for (const name of readdirSync(join(args.dir, 'dialects')).sort()) folders.push([name, join(args.dir, 'dialects', name)])
  const rows: [string, Summary][] = []
  for (const [name, dir] of folders) rows.push([name, summarize((await evaluate(dir, {only, html: false})).scores)])
  if (args.json) process.stdout.write(JSON.stringify(Object.fromEntries(rows), null, 2) + '\n')
  else {
    process.stdout.write(table(rows).replace(/^family /, 'dialect') + '\n')
    process.stdout.write(`families ${only.join(', ')}. native: the corpus's own markdown (${join(args.dir, 'dev')}); the others: the same pages from other converters (corpus README, Dialects)\n`)
  }
}

function main(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  let args: Args
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exitCode = 2
    return
  }
  if (args.dialects) return void dialectTable(args)
  const started = performance.now()
  return void (async () => {
    const {scores, predictions, metadata, listed} = await evaluate(args.dir, args)
    if (args.predictions) writeFileSync(args.predictions, predictions.join('\n') + '\n')
    const seconds = (performance.now() - started) / 1000
    const families = [...new Set(scores.map((s) => familyOf(s.name)))].sort()
    const rows: [string, Summary][] = [
      ['all', summarize(scores)],
      ...families.map((f): [string, Summary] => [f, summarize(scores.filter((s) => familyOf(s.name) === f))]),
    ]
    const web = scores.filter((s) => ['wcxb', 'l3s', 'tf'].includes(familyOf(s.name)))
    if (web.length && web.length !== scores.length) rows.splice(1, 0, ['web', summarize(web)])
    if (args.json) {
      process.stdout.write(JSON.stringify(Object.fromEntries(rows), null, 2) + '\n')
    } else {
      if (args.perCase) {
        const worst = [...scores].sort((a, b) => a.rank - b.rank)
        for (const s of worst) process.stdout.write(`${s.name.padEnd(28)} ${s.summary}\n`)
        process.stdout.write('\n')
      }
      process.stdout.write(table(rows) + '\n')
      if (metadata.some((m) => m?.length)) process.stdout.write(metadataSummary(metadata) + '\n')
      if (args.listings) process.stdout.write(['', ...lowBodyListing(listed), '', ...authorJunkListing(listed), ''].join('\n'))
      process.stdout.write(`${scores.length} cases in ${seconds.toFixed(1)} s. "web" = wcxb + l3s + tf. date: every gold date; date*: only gold dates printed in the input (reachable), as corpus/README.md defines and tools/score.mjs counts\n`)
    }
  })()
}

main()
