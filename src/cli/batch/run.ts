/**
 * Batch mode: walk the inputs, run them through the pool, write JSONL in path order or one file
 * per input under --out, show progress, report failures, and set the exit code.
 */
import {toJson} from '../json.js'
import {createWriteStream, type WriteStream} from 'node:fs'
import {realpath, rename, stat, unlink} from 'node:fs/promises'
import {extname, join, resolve, sep} from 'node:path'
import {sanitizeForTerminal} from '../../core/normalize.js'
import {inputFormatOf, reasonOf, type FsPath} from '../read.js'
import type {InputFormat} from '../../types.js'
import {createRunner} from './pool.js'
import {createProgress, summaryLine, type Counts} from './progress.js'
import {type OutputFormat, type TaskResult} from './task.js'
import {DEFAULT_INCLUDE, isWalkError, walk} from './walk.js'

export interface BatchOptions {
  /** Files and folders; bytes for a name given on the command line that is not valid UTF-8. */
  paths: FsPath[]
  format: OutputFormat
  /** One output file per input, mirroring the input tree. */
  outDir?: string
  /** JSONL destination instead of stdout. */
  output?: string
  jobs: number
  include: string[]
  exclude: string[]
  hidden: boolean
  followSymlinks: boolean
  skipExisting: boolean
  errors?: string
  quiet: boolean
  footer: boolean
  explain: boolean
  /** What the inputs are (auto: by name and content). */
  inputFormat: InputFormat
  maxSize: number
}

/** Thrown for options that cannot work together; the CLI turns it into exit code 2. */
export class UsageError extends Error {}

function outputPathFor(outDir: string, rel: string, format: OutputFormat, taken: Set<string>): string {
  const extension = format === 'text' ? '.txt' : '.json'
  const stem = rel.slice(0, rel.length - extname(rel).length)
  // "a.md" and "a.txt" side by side would both become "a.json": the second keeps its extension.
  let candidate = stem + extension
  if (taken.has(candidate)) candidate = rel + extension
  taken.add(candidate)
  return join(outDir, candidate)
}

/** Runs the batch; returns the exit code. */
export async function runBatch(options: BatchOptions): Promise<number> {
  const started = performance.now()
  const outDir = options.outDir ? resolve(options.outDir) : undefined
  if (outDir) {
    const existing = await stat(outDir).catch(() => undefined)
    if (existing && !existing.isDirectory()) throw new UsageError(`Expected \`--out\` to be a directory; \`${options.outDir}\` is a file`)
  }
  if (options.output && (await stat(options.output).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`Expected \`--output\` to be a file; \`${options.output}\` is a directory (use --out DIR for one file per input)`)
  }
  if (options.skipExisting && !outDir) throw new UsageError('`--skip-existing` needs `--out DIR`')
  const skipDirs = outDir ? [outDir, await realpath(outDir).catch(() => outDir)] : []

  const counts: Counts = {done: 0, failed: 0, skipped: 0, found: 0, walkDone: false}
  const progress = createProgress(process.stderr, !options.quiet, started)
  // --output is written to a temporary file and renamed at the end, like every output.
  const outputTemporary = options.output ? `${options.output}.${process.pid}.tmp` : undefined
  const sink: NodeJS.WritableStream = outputTemporary ? createWriteStream(outputTemporary, {flags: 'wx'}) : process.stdout
  const errorLog: WriteStream | undefined = options.errors ? createWriteStream(options.errors) : undefined
  const runner = createRunner(options.jobs)

  const report = (file: string, reason: string): void => {
    counts.failed++
    progress.stop()
    process.stderr.write(`unscrape: ${sanitizeForTerminal(file)}: ${sanitizeForTerminal(reason)}\n`)
    errorLog?.write(toJson({file, error: reason}) + '\n')
  }

  // Outputs of one directory, to tell "a.md" from "a.txt"; reset when the walk moves on.
  let outputsDir = ''
  let outputsTaken = new Set<string>()

  for await (const item of walk(options.paths, {
    include: options.include.length ? options.include : DEFAULT_INCLUDE,
    exclude: options.exclude,
    hidden: options.hidden,
    followSymlinks: options.followSymlinks,
    skipDirs,
  })) {
    if (isWalkError(item)) {
      report(item.path, reasonOf(item.error))
      continue
    }
    counts.found++
    let outPath: string | undefined
    if (outDir) {
      const dir = item.relative.includes(sep) ? item.relative.slice(0, item.relative.lastIndexOf(sep)) : ''
      if (dir !== outputsDir) {
        outputsDir = dir
        outputsTaken = new Set()
      }
      outPath = outputPathFor(outDir, item.relative, options.format, outputsTaken)
      if (!outPath.startsWith(outDir + sep)) {
        report(item.display, 'output would land outside --out')
        continue
      }
      if (resolve(outPath) === resolve(item.display)) {
        report(item.display, 'output would overwrite the input')
        continue
      }
    }
    const file = item.display
    await runner.submit(
      {kind: 'file', path: item.path, file, outPath, format: options.format, maxSize: options.maxSize, footer: options.footer, explain: options.explain, inputFormat: inputFormatOf(file, options.inputFormat), skipExisting: options.skipExisting},
      (result: TaskResult) => {
        if (result.status === 'failed') report(file, result.error ?? 'failed')
        else if (result.status === 'skipped') counts.skipped++
        else {
          counts.done++
          if (result.output) sink.write(result.output)
        }
        progress.update(counts)
      },
    )
    progress.update(counts)
  }
  counts.walkDone = true
  await runner.close()
  progress.stop()
  await Promise.all([closeStream(outputTemporary ? sink : undefined), closeStream(errorLog)])
  if (outputTemporary && options.output) await rename(outputTemporary, options.output).catch(async (error: unknown) => {
    await unlink(outputTemporary).catch(() => undefined)
    throw error
  })
  const seconds = (performance.now() - started) / 1000
  if (!options.quiet) process.stderr.write(summaryLine(counts, seconds) + '\n')
  return counts.failed ? 1 : 0
}

function closeStream(stream: NodeJS.WritableStream | undefined): Promise<void> {
  return new Promise((done) => (stream ? stream.end(done) : done()))
}

