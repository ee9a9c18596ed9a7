/**
 * The command line: options, then one of three modes — one file or stdin, a batch over files and
 * folders, or the --jsonl-in mapper — and exit codes. A thin layer: all extraction is `extract()`,
 * run in a worker thread under the time and memory budget (batch/pool.ts), in every mode.
 */
import {toJson} from './json.js'
import {Command, CommanderError, Option} from 'commander'
import {Chalk, supportsColor, type ChalkInstance} from 'chalk'
import {readFileSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {INPUT_FORMATS, type Article} from '../types.js'
import {sanitizeForTerminal} from '../core/normalize.js'
import {collectBytes, displayPath, InputError, inputFormatOf, reasonOf, type FsPath} from './input.js'
import {rawCommandLinePaths} from './argv.js'
import {renderExplain, renderText} from './render.js'
import {JOBS_PER_CORE, maxJobs, parseDuration, parseJobs, parseSize} from './limits.js'
import type {BatchOptions} from './batch/run.js'
import {createRunner, type Budget} from './batch/pool.js'
import type {TaskResult} from './batch/task.js'
import {UsageError} from './usage-error.js'
import {handleStopSignals, onStop, stopWith} from './stop.js'

/** Exit codes: 0 success, 1 an input could not be processed, 2 bad usage. */
export const EXIT = {ok: 0, failed: 1, usage: 2} as const

const FORMATS = ['text', 'json', 'jsonl'] as const
type Format = (typeof FORMATS)[number]

/** What commander parses: the batch options (named as on the command line) and those of the other modes. */
interface Options extends Omit<BatchOptions, 'paths' | 'format' | 'outDir' | 'budget'> {
  format?: Format
  color?: boolean
  out?: string
  jsonlIn: boolean
  timeout: number
  maxMemory: number
}

const DEFAULT_MAX_SIZE_TEXT = '50MB'
/** Generous: a 50 MB page takes well under a minute here; only a runaway input meets it. */
const DEFAULT_TIMEOUT_TEXT = '5m'
/** The old-generation heap per worker the pool was tuned with (README, Performance). */
const DEFAULT_MAX_MEMORY_TEXT = '1536MiB'

const EXAMPLES = `
Examples:
  $ unscrape article.md                     read one file, print the article as text
  $ unscrape article.md --format json       print the schema-2 JSON object
  $ cat article.md | unscrape --format json | jq .headline
  $ unscrape --explain article.md           show every block, its role and the rule that decided it
  $ unscrape --no-footer article.md         leave the end matter out
  $ unscrape saved-page.html                an HTML page: converted to markdown, then read alike
  $ unscrape page.html.gz                   gzip is read transparently (also from stdin)
  $ unscrape scraped/ > articles.jsonl      a folder, recursively: one JSON line per file, in path order
  $ unscrape scraped/ --include '**/*.html' a folder of saved pages (by default .txt, .md, .markdown)
  $ unscrape scraped/ --out clean/ --format json --skip-existing
                                            one .json per input under clean/; rerun to resume
  $ unscrape --jsonl-in < records.jsonl     mapper mode: {"id","text"} lines in, one line out each

Exit codes: 0 success, 1 an input could not be processed, 2 bad usage;
stopped by Ctrl-C or SIGTERM: killed by that signal (130, 143).`

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

function buildProgram(): Command {
  return new Command('unscrape')
    .description('Strip the boilerplate from raw scraped articles and split them into headline, byline, dateline, tags, body and footer.')
    .argument('[paths...]', 'files or folders to read; "-" or nothing (with piped input) reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format: text, json, or jsonl (one line per file); default text, jsonl in batch without --out').choices(FORMATS))
    .addOption(new Option('--input-format <format>', 'what the input is: markdown, text (plain, no markup), html (a page, converted first), or auto: html for .html/.htm files and text that starts as an HTML page, text when there is no markup').choices(INPUT_FORMATS).default('auto'))
    .option('--explain', 'list every block with its role and the rule that decided it', false)
    .option('--no-footer', 'leave the footer (end matter) out of the text output')
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addOption(new Option('--max-size <size>', 'refuse inputs larger than this, counted after gunzip (e.g. 50MB, 800kB; MB = 1,000,000 bytes)').argParser((v) => parseSize('--max-size', v)).default(parseSize('--max-size', DEFAULT_MAX_SIZE_TEXT), DEFAULT_MAX_SIZE_TEXT))
    .addOption(new Option('--timeout <duration>', 'give up on an input that takes longer than this (e.g. 90s, 10m; 0: no limit)').argParser((v) => parseDuration('--timeout', v)).default(parseDuration('--timeout', DEFAULT_TIMEOUT_TEXT), DEFAULT_TIMEOUT_TEXT))
    .addOption(new Option('--max-memory <size>', 'give up on an input whose extraction needs more heap than this').argParser((v) => parseSize('--max-memory', v)).default(parseSize('--max-memory', DEFAULT_MAX_MEMORY_TEXT), DEFAULT_MAX_MEMORY_TEXT))
    .option('-o, --out <dir>', 'batch: write one file per input under DIR, mirroring the input tree')
    .option('--output <file>', 'batch: write the result stream to FILE instead of stdout')
    .addOption(new Option('-j, --jobs <n>', `batch and mapper: worker threads, started as inputs come (at most ${JOBS_PER_CORE} per core)`).argParser(parseJobs).default(availableParallelism(), 'the available cores; 1 with --jsonl-in'))
    .option('--include <glob>', 'batch: take files matching GLOB (repeatable; default *.txt, *.md, *.markdown, and those .gz)', collect, [])
    .option('--exclude <glob>', 'batch: skip files and folders matching GLOB (repeatable)', collect, [])
    .option('--hidden', 'batch: also walk hidden files and folders', false)
    .option('--follow-symlinks', 'batch: follow symbolic links to folders', false)
    .option('--skip-existing', 'batch: skip inputs whose output under --out (.json or .txt) is already there and newer', false)
    .option('--errors <file>', 'batch: also write failures to FILE as JSON lines')
    .option('-q, --quiet', 'batch: no progress bar and no summary', false)
    .option('--jsonl-in', 'mapper mode: read {"id","text"} JSON lines on stdin, write one result line per input line', false)
    .version(version(), '-V, --version')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      // One line per error, with the way out on the same line.
      outputError: (text, write) => write(`unscrape: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')} (run unscrape --help for usage)\n`),
    })
}

/** The colour level for stdout: --color/--no-color first, then NO_COLOR/FORCE_COLOR, then the terminal. */
export function colourFor(option: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): ChalkInstance {
  if (option === false) return new Chalk({level: 0})
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  if (option === true || forced) return new Chalk({level: supportsColor ? (Math.max(1, supportsColor.level) as 1 | 2 | 3) : 1})
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({level: 0})
  return new Chalk({level: isTTY && supportsColor ? supportsColor.level : 0})
}

function output(article: Article, options: Options, format: Format): string {
  if (format !== 'text') return format === 'json' ? toJson(article, 2) + '\n' : toJson(article) + '\n'
  const chalk = colourFor(options.color, process.env, Boolean(process.stdout.isTTY))
  const renderOptions = {footer: options.footer, chalk, width: process.stdout.columns || 100}
  if (options.explain && article.blocks) return renderExplain(article.blocks, renderOptions, article)
  return renderText(article, renderOptions)
}

/** Warnings that mean there is no article to show: said on stderr too, whatever the format. */
const NO_ARTICLE = new Set(['empty input', 'no article body found'])

const budgetOf = (options: Options): Budget => ({timeoutMs: options.timeout, memoryMb: Math.max(16, Math.floor(options.maxMemory / 1024 ** 2))})

/** One file or stdin, printed to stdout; the extraction runs in a worker under the budget. */
async function runSingle(path: FsPath | undefined, options: Options): Promise<number> {
  const fromStdin = path === undefined || path === '-'
  const name = fromStdin ? '<stdin>' : displayPath(path)
  const fail = (reason: string): number => {
    process.stderr.write(`unscrape: ${sanitizeForTerminal(name)}: ${sanitizeForTerminal(reason)}\n`)
    return EXIT.failed
  }
  const runner = createRunner(1, budgetOf(options))
  onStop(() => runner.stop())
  let result: TaskResult | undefined
  try {
    const common = {explain: options.explain, returnArticle: true} as const
    if (fromStdin) {
      // Collected here (stdin belongs to the main thread); gunzipped and decoded in the worker.
      const bytes = await collectBytes(process.stdin as AsyncIterable<Buffer>, options.maxSize)
      await runner.submit({kind: 'bytes', bytes, maxSize: options.maxSize, inputFormat: options.inputFormat, ...common}, (r) => (result = r))
    } else {
      const task = {kind: 'file', path, file: name, format: 'json', maxSize: options.maxSize, footer: options.footer, inputFormat: inputFormatOf(name, options.inputFormat), skipExisting: false, ...common} as const
      await runner.submit(task, (r) => (result = r))
    }
    await runner.close()
  } catch (error) {
    await runner.stop()
    if (!(error instanceof InputError) && !isInputFailure(error)) throw error
    return fail(reasonOf(error))
  }
  if (!result || result.status !== 'ok' || !result.article) return fail(result?.error ?? 'failed')
  const article = result.article
  const missing = article.warnings.filter((w) => NO_ARTICLE.has(w))
  if (missing.length) process.stderr.write(`unscrape: ${sanitizeForTerminal(name)}: no article found (${missing.join(', ')})\n`)
  process.stdout.write(output(article, options, options.format ?? 'text'))
  return EXIT.ok
}

function isInputFailure(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code !== undefined || (error as Error | undefined)?.name === 'NotTextError'
}

/** Batch mode: several paths, a folder, --out or --output, or JSONL. */
async function isBatch(paths: FsPath[], options: Options): Promise<boolean> {
  if (paths.length > 1 || options.out || options.output || options.format === 'jsonl') return true
  if (paths.length === 1 && paths[0] !== '-') {
    const info = await stat(paths[0]).catch(() => undefined)
    return Boolean(info?.isDirectory())
  }
  return false
}

/** `--no-footer` with an output that is not text. */
function checkFooter(options: Options, format: Format): void {
  if (!options.footer && format !== 'text') throw new UsageError('`--no-footer` shapes the text output only; JSON always has its `footer` field (leave it out with jq: `del(.footer)`)')
}

/** Options that cannot work together, as one usage error each. */
function checkCombinations(paths: readonly FsPath[], options: Options, explicit: (name: string) => boolean): void {
  if (options.jsonlIn) {
    const ignored = [paths.length ? 'paths' : '', options.out ? '--out' : '', options.output ? '--output' : '', options.format && options.format !== 'jsonl' ? `--format ${options.format}` : '', options.skipExisting ? '--skip-existing' : '', options.errors ? '--errors' : ''].filter(Boolean)
    if (ignored.length) throw new UsageError(`\`--jsonl-in\` reads JSON lines on stdin and writes JSON lines on stdout; it takes no ${ignored.join(', ')}`)
  }
  if (options.out && options.output) throw new UsageError('`--out DIR` writes one file per input and `--output FILE` one stream: give one of them')
  if (explicit('jobs') && options.jobs > maxJobs()) {
    process.stderr.write(`unscrape: --jobs ${options.jobs} is more than ${maxJobs()} (${maxJobs() / availableParallelism()} per core here); using ${maxJobs()}\n`)
    options.jobs = maxJobs()
  }
}

/** Runs the CLI with `argv` (as in process.argv). Sets process.exitCode; never calls process.exit() but on EPIPE. */
export async function main(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`unscrape … | head`) ends every mode at once, quietly; any other
  // stdout failure (a full disk) ends it with one line.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return stopWith(EXIT.ok)
    process.stderr.write(`unscrape: stdout: ${error.code === 'ENOSPC' ? 'no space left on device' : error.message.split('\n')[0]}\n`)
    stopWith(EXIT.failed)
  })
  const program = buildProgram()
  try {
    program.parse(argv as string[])
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
      process.exitCode = ok ? EXIT.ok : EXIT.usage
      return
    }
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`unscrape: ${error.message} (run unscrape --help for usage)\n`)
    process.exitCode = EXIT.usage
    return
  }
  const options = program.opts<Options>()
  const paths = rawCommandLinePaths(program.args)
  handleStopSignals()
  try {
    checkCombinations(paths, options, (name) => program.getOptionValueSource(name) === 'cli')
    const budget = budgetOf(options)
    if (options.jsonlIn) {
      checkFooter(options, 'jsonl')
      const {runJsonlIn} = await import('./batch/jsonl-in.js')
      // One worker unless asked: a mapper runs under an engine (Hadoop, Spark, Dask) that already
      // starts one process per core, and more threads per process would oversubscribe the cores.
      const jobs = program.getOptionValueSource('jobs') === 'cli' ? options.jobs : 1
      process.exitCode = await runJsonlIn({jobs, explain: options.explain, inputFormat: options.inputFormat, quiet: options.quiet, maxSize: options.maxSize, budget})
    } else if (await isBatch(paths, options)) {
      if (paths.length === 0 || paths.includes('-')) throw new UsageError('Batch mode reads files and folders; give at least one path (stdin is for one article or --jsonl-in)')
      const {runBatch} = await import('./batch/run.js')
      const format = options.format ?? (options.out ? 'text' : 'jsonl')
      checkFooter(options, format)
      process.exitCode = await runBatch({...options, paths, format, outDir: options.out, budget})
    } else {
      if (paths.length === 0 && process.stdin.isTTY) throw new UsageError('No input: give a file or a folder, or pipe text to stdin')
      checkFooter(options, options.format ?? 'text')
      process.exitCode = await runSingle(paths[0], options)
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`unscrape: ${error.message} (run unscrape --help for usage)\n`)
    process.exitCode = EXIT.usage
  }
}

