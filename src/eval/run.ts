/**
 * `npm run eval -- DIR [--per-case] [--json] [--predictions FILE] [--html] [--listings]`: runs the
 * extractor over every DIR/<case>/input.* with an expected.json and prints the corpus metrics, overall
 * and per family. With --html it reads each case's original page (source.html.gz) instead, where there
 * is one. --listings adds the pages to look at (eval/listings.ts): bodies under 0.5, author junk.
 */
import {readdirSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {decode} from '../decode.js'
import {extract} from '../extract.js'
import '../core/html-convert.js'
import {readTextFile} from '../cli/read.js'
import type {Article} from '../types.js'
import {scoreCase, summarize, type CaseScore, type Gold, type Summary} from './score.js'
import {authorJunkListing, lowBodyListing, type ListedCase} from './listings.js'

interface Args {
  dir: string
  perCase: boolean
  json: boolean
  predictions?: string
  only?: string[]
  /** Read source.html.gz, the original page, instead of the scraped input. */
  html: boolean
  /** Print the listings of eval/listings.ts after the table. */
  listings: boolean
}

const USAGE = 'usage: npm run eval -- DIR [--per-case] [--json] [--only fam1,fam2] [--predictions FILE] [--html] [--listings]'

function parseArgs(argv: string[]): Args {
  const args: Args = {dir: '', perCase: false, json: false, html: false, listings: false}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--help' || a === '-h') throw new Error(USAGE)
    if (a === '--per-case') args.perCase = true
    else if (a === '--json') args.json = true
    else if (a === '--html') args.html = true
    else if (a === '--listings') args.listings = true
    else if (a === '--predictions') args.predictions = argv[++i]
    else if (a === '--only') args.only = argv[++i].split(',')
    else if (!args.dir) args.dir = a
    else throw new Error(`unexpected argument \`${a}\``)
  }
  if (!args.dir) throw new Error(USAGE)
  if (!existsSync(args.dir)) throw new Error(`eval: no such directory: ${args.dir}`)
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
    return extract(text, {file: join(dir, input)})
  }
  const {text} = decode(gunzipSync(readFileSync(join(dir, SOURCE_PAGE))))
  return extract(text, {file: join(dir, SOURCE_PAGE), inputFormat: 'html'})
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
  const cases = readdirSync(args.dir, {withFileTypes: true})
    .filter((d) => d.isDirectory() && existsSync(join(args.dir, d.name, 'expected.json')))
    .map((d) => d.name)
    .filter((name) => !args.only || args.only.includes(familyOf(name)))
    .sort()
  const scores: CaseScore[] = []
  const predictions: string[] = []
  const listed: ListedCase[] = []
  const started = performance.now()
  return void (async () => {
    for (const name of cases) {
      const input = inputOf(join(args.dir, name))
      if (!input || (args.html && !existsSync(join(args.dir, name, SOURCE_PAGE)))) continue
      const gold = JSON.parse(readFileSync(join(args.dir, name, 'expected.json'), 'utf8')) as Gold
      let article: Article | undefined
      try {
        article = await readCase(join(args.dir, name), input, args.html)
      } catch (error) {
        process.stderr.write(`eval: ${name}: ${(error as Error).message}\n`)
      }
      scores.push(scoreCase(name, article, gold))
      if (args.listings) listed.push({name, article, gold, score: scores[scores.length - 1]})
      if (article) predictions.push(JSON.stringify({...article, file: `${name}/${input}`}))
    }
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
      if (args.listings) process.stdout.write(['', ...lowBodyListing(listed), '', ...authorJunkListing(listed), ''].join('\n'))
      process.stdout.write(`${scores.length} cases in ${seconds.toFixed(1)} s. "web" = wcxb + l3s + tf. date: every gold date, as tools/score.mjs counts; date*: only gold dates printed in the input (reachable), as corpus/README.md defines\n`)
    }
  })()
}

main()
