/**
 * The command line: options, then one of three modes — one file or stdin, a batch over files and
 * folders, or the --jsonl-in mapper — and exit codes. A thin layer: all extraction is `extract()`.
 */
import {toJson} from './json.js'
import {Command, CommanderError, Option} from 'commander'
import {Chalk, supportsColor, type ChalkInstance} from 'chalk'
import {readFileSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {extract} from '../extract.js'
import {INPUT_FORMATS, type Article} from '../types.js'
import {sanitizeForTerminal} from '../core/normalize.js'
import {displayPath, InputError, inputFormatOf, readTextFile, readTextStream, reasonOf, type FsPath} from './read.js'
import {rawCommandLinePaths} from './argv.js'
import {loadHtmlSupportFor} from './html-support.js'
import {renderExplain, renderText} from './render.js'
import {runBatch, UsageError, type BatchOptions} from './batch/run.js'
import {runJsonlIn} from './batch/jsonl-in.js'

/** Exit codes: 0 success, 1 an input could not be processed, 2 bad usage. */
export const EXIT = {ok: 0, failed: 1, usage: 2} as const

const FORMATS = ['text', 'json', 'jsonl'] as const
type Format = (typeof FORMATS)[number]

/** What commander parses: the batch options (named as on the command line) and those of the other modes. */
interface Options extends Omit<BatchOptions, 'paths' | 'format' | 'outDir'> {
  format: Format
  color?: boolean
  out?: string
  jsonlIn: boolean
}

const DEFAULT_MAX_SIZE_TEXT = '50MB'

const EXAMPLES = `
Examples:
  $ unscrape article.md                     read one file, print the article as text
  $ unscrape article.md --format json       print the schema-2 JSON object
  $ cat article.md | unscrape --format json | jq .headline
  $ unscrape --explain article.md           show every block, its role and the rule that decided it
  $ unscrape --no-footer article.md         leave the end matter out
  $ unscrape saved-page.html                an HTML page: converted to markdown, then read alike
  $ unscrape scraped/ --format jsonl > articles.jsonl
                                            a folder, recursively: one JSON line per file, in path order
  $ unscrape scraped/ --out clean/ --skip-existing
                                            one .json per input under clean/; rerun to resume
  $ unscrape --jsonl-in < records.jsonl     mapper mode: {"id","text"} lines in, one line out each

Exit codes: 0 success, 1 an input could not be processed, 2 bad usage.`

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim())
  if (!m) throw new CommanderError(EXIT.usage, 'unscrape.invalidOption', `Expected \`--max-size\` to be a size such as 50MB or 800k; got \`${value}\``)
  const unit = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[m[2].toLowerCase() as '' | 'k' | 'm' | 'g']
  return Math.floor(Number(m[1]) * unit)
}

function parseJobs(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new CommanderError(EXIT.usage, 'unscrape.invalidOption', `Expected \`--jobs\` to be a whole number of 1 or more; got \`${value}\``)
  return n
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

function buildProgram(): Command {
  return new Command('unscrape')
    .description('Strip the boilerplate from raw scraped articles and split them into headline, byline, dateline, tags, body and footer.')
    .argument('[paths...]', 'files or folders to read; "-" or nothing (with piped input) reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format: text, json, or jsonl (one line per file)').choices(FORMATS).default('text'))
    .addOption(new Option('--input-format <format>', 'what the input is: markdown, html (a page, converted first), or auto: html for .html/.htm files and text that starts as an HTML page').choices(INPUT_FORMATS).default('auto'))
    .option('--explain', 'list every block with its role and the rule that decided it', false)
    .option('--no-footer', 'leave the footer (end matter) out of the text output')
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addOption(new Option('--max-size <size>', 'refuse inputs larger than this (e.g. 50MB, 800k)').argParser(parseSize).default(parseSize(DEFAULT_MAX_SIZE_TEXT), DEFAULT_MAX_SIZE_TEXT))
    .option('-o, --out <dir>', 'batch: write one file per input under DIR, mirroring the input tree')
    .option('--output <file>', 'batch: write the JSONL to FILE instead of stdout')
    .addOption(new Option('-j, --jobs <n>', 'batch: worker threads').argParser(parseJobs).default(availableParallelism(), 'the available cores'))
    .option('--include <glob>', 'batch: take files matching GLOB (repeatable; default *.txt, *.md, *.markdown)', collect, [])
    .option('--exclude <glob>', 'batch: skip files and folders matching GLOB (repeatable)', collect, [])
    .option('--hidden', 'batch: also walk hidden files and folders', false)
    .option('--follow-symlinks', 'batch: follow symbolic links to folders', false)
    .option('--skip-existing', 'batch: skip inputs whose output under --out is already there and newer', false)
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

function output(article: Article, options: Options): string {
  if (options.format !== 'text') return options.format === 'json' ? toJson(article, 2) + '\n' : toJson(article) + '\n'
  const chalk = colourFor(options.color, process.env, Boolean(process.stdout.isTTY))
  const renderOptions = {footer: options.footer, chalk, width: process.stdout.columns || 100}
  if (options.explain && article.blocks) return renderExplain(article.blocks, renderOptions, article.metadata)
  return renderText(article, renderOptions)
}

/** One file or stdin, printed to stdout. */
async function runSingle(path: FsPath | undefined, options: Options): Promise<number> {
  const fromStdin = path === undefined || path === '-'
  const name = fromStdin ? '<stdin>' : displayPath(path)
  try {
    const decoded = fromStdin ? await readTextStream(process.stdin, options.maxSize) : await readTextFile(path, options.maxSize)
    const inputFormat = fromStdin ? options.inputFormat : inputFormatOf(name, options.inputFormat)
    await loadHtmlSupportFor(decoded.text, inputFormat)
    const article = extract(decoded.text, {file: fromStdin ? null : name, explain: options.explain, inputFormat})
    if (decoded.encoding !== 'utf-8') article.warnings.push(`input decoded as ${decoded.encoding}`)
    process.stdout.write(output(article, options))
    return EXIT.ok
  } catch (error) {
    if (!(error instanceof InputError) && !isInputFailure(error)) throw error
    process.stderr.write(`unscrape: ${sanitizeForTerminal(name)}: ${sanitizeForTerminal(reasonOf(error))}\n`)
    return EXIT.failed
  }
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

/** Runs the CLI with `argv` (as in process.argv). Sets process.exitCode; never calls process.exit(). */
export async function main(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`unscrape … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  const program = buildProgram()
  try {
    program.parse(argv as string[])
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
      if (error.code === 'unscrape.invalidOption') process.stderr.write(`unscrape: ${error.message} (run unscrape --help for usage)\n`)
      process.exitCode = ok ? EXIT.ok : EXIT.usage
      return
    }
    throw error
  }
  const options = program.opts<Options>()
  const paths = rawCommandLinePaths(program.args)
  try {
    if (options.jsonlIn) {
      process.exitCode = await runJsonlIn({jobs: options.jobs, explain: options.explain, inputFormat: options.inputFormat, quiet: options.quiet, maxSize: options.maxSize})
    } else if (await isBatch(paths, options)) {
      if (paths.length === 0 || paths.includes('-')) throw new UsageError('Batch mode reads files and folders; give at least one path (stdin is for one article or --jsonl-in)')
      const format = options.format === 'text' && !options.out ? 'jsonl' : options.format
      process.exitCode = await runBatch({...options, paths, format, outDir: options.out})
    } else {
      if (paths.length === 0 && process.stdin.isTTY) throw new UsageError('No input: give a file or a folder, or pipe text to stdin')
      process.exitCode = await runSingle(paths[0], options)
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`unscrape: ${error.message} (run unscrape --help for usage)\n`)
    process.exitCode = EXIT.usage
  }
}
