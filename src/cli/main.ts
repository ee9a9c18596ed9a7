/**
 * The command line: options, one file or stdin, output and exit codes. A thin layer: all
 * extraction is `extract()`.
 */
import {Command, CommanderError, Option} from 'commander'
import {Chalk, supportsColor, type ChalkInstance} from 'chalk'
import {readFileSync} from 'node:fs'
import {extract} from '../extract.js'
import type {Article} from '../types.js'
import {sanitizeForTerminal} from '../core/normalize.js'
import {InputError, readTextFile, readTextStream, reasonOf} from './read.js'
import {renderExplain, renderText} from './render.js'

/** Exit codes: 0 success, 1 an input could not be processed, 2 bad usage. */
export const EXIT = {ok: 0, failed: 1, usage: 2} as const

const FORMATS = ['text', 'json'] as const
type Format = (typeof FORMATS)[number]

interface Options {
  format: Format
  explain: boolean
  footer: boolean
  color?: boolean
  maxSize: number
}

const DEFAULT_MAX_SIZE_TEXT = '50MB'

const EXAMPLES = `
Examples:
  $ unscrape article.md                     read one file, print the article as text
  $ unscrape article.md --format json       print the schema-1 JSON object
  $ cat article.md | unscrape --format json | jq .headline
  $ unscrape --explain article.md           show every block, its role and the rule that decided it
  $ unscrape --no-footer article.md         leave the end matter out

Exit codes: 0 success, 1 an input could not be processed, 2 bad usage.`

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim())
  if (!m) throw new CommanderError(EXIT.usage, 'unscrape.invalidSize', `Expected \`--max-size\` to be a size such as 50MB or 800k; got \`${value}\``)
  const unit = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[m[2].toLowerCase() as '' | 'k' | 'm' | 'g']
  return Math.floor(Number(m[1]) * unit)
}

function buildProgram(): Command {
  return new Command('unscrape')
    .description('Strip the boilerplate from a raw scraped article and split it into headline, byline, dateline, tags, body and footer.')
    .argument('[file]', 'the scraped file to read; "-" or nothing (with piped input) reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--explain', 'list every block with its role and the rule that decided it', false)
    .option('--no-footer', 'leave the footer (end matter) out of the text output')
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addOption(new Option('--max-size <size>', 'refuse inputs larger than this (e.g. 50MB, 800k)').argParser(parseSize).default(parseSize(DEFAULT_MAX_SIZE_TEXT), DEFAULT_MAX_SIZE_TEXT))
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
  if (option === true || forced) return new Chalk({level: supportsColor ? Math.max(1, supportsColor.level) as 1 | 2 | 3 : 1})
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({level: 0})
  return new Chalk({level: isTTY && supportsColor ? supportsColor.level : 0})
}

function fail(file: string, error: unknown): void {
  process.stderr.write(`unscrape: ${sanitizeForTerminal(file)}: ${sanitizeForTerminal(reasonOf(error))}\n`)
  process.exitCode = EXIT.failed
}

function output(article: Article, options: Options): string {
  if (options.format === 'json') return JSON.stringify(article, null, 2) + '\n'
  const chalk = colourFor(options.color, process.env, Boolean(process.stdout.isTTY))
  const renderOptions = {footer: options.footer, chalk, width: process.stdout.columns || 100}
  if (options.explain && article.blocks) return renderExplain(article.blocks, renderOptions)
  return renderText(article, renderOptions)
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
      if (error.code === 'unscrape.invalidSize') process.stderr.write(`unscrape: ${error.message}\n`)
      process.exitCode = ok ? EXIT.ok : EXIT.usage
      return
    }
    throw error
  }
  const options = program.opts<Options>()
  const [path] = program.args
  const fromStdin = path === undefined || path === '-'
  if (path === undefined && process.stdin.isTTY) {
    process.stderr.write('unscrape: no input: give a file, or pipe text to stdin (run unscrape --help for usage)\n')
    process.exitCode = EXIT.usage
    return
  }
  const name = fromStdin ? '<stdin>' : path
  try {
    const decoded = fromStdin ? await readTextStream(process.stdin, options.maxSize) : await readTextFile(path, options.maxSize)
    const article = extract(decoded.text, {file: fromStdin ? null : path, explain: options.explain})
    if (decoded.encoding !== 'utf-8') article.warnings.push(`input decoded as ${decoded.encoding}`)
    process.stdout.write(output(article, options))
  } catch (error) {
    if (error instanceof InputError || isInputFailure(error)) fail(name, error)
    else throw error
  }
}

function isInputFailure(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code !== undefined || (error as Error | undefined)?.name === 'NotTextError'
}
