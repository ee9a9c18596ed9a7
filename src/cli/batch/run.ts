/**
 * Batch mode: walk the inputs, run them through the pool, write JSONL in path order or one file
 * per input under --out, show progress, report failures, and set the exit code.
 */
import {untilDrained} from './drain.js'
import {toJson} from '../json.js'
import {constants} from 'node:fs'
import {access, mkdir, realpath, stat} from 'node:fs/promises'
import {dirname, extname, join, resolve, sep} from 'node:path'
import {sanitizeForTerminal} from '../../core/normalize.js'
import {inputFormatOf, reasonOf, type FsPath} from '../input.js'
import {fileIdOf, openOutputTarget, outputReason, removeQuietly, temporaryFor, type FileId, type OutputTarget} from '../output-target.js'
import {isStopping, onStop, untilStopped} from '../stop.js'
import {UsageError} from '../usage-error.js'
import type {InputFormat} from '../../types.js'
import {createRunner, type Budget} from './pool.js'
import {createProgress, summaryLine, type Counts} from './progress.js'
import type {OutputFormat, TaskResult} from './task.js'
import {checkGlob, DEFAULT_INCLUDE, isWalkError, walk} from './walk.js'

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
  /** Time and memory per file. */
  budget: Budget
}

export {UsageError}

function outputPathFor(outDir: string, rel: string, format: OutputFormat, taken: Set<string>): string {
  const extension = format === 'text' ? '.txt' : '.json'
  // "a.md.gz" is "a.md" compressed: its output is "a.json" as for "a.md".
  const plain = rel.replace(/\.gz$/i, '')
  const stem = plain.slice(0, plain.length - extname(plain).length)
  // "a.md" and "a.txt" side by side would both become "a.json": the second keeps its extension.
  let candidate = stem + extension
  if (taken.has(candidate)) candidate = rel + extension
  taken.add(candidate)
  return join(outDir, candidate)
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (for a folder not made yet). */
async function realPathOf(path: string): Promise<string> {
  const real = await realpath(path).catch(() => undefined)
  if (real) return real
  const parent = dirname(path)
  return parent === path ? path : join(await realPathOf(parent), path.slice(parent.length))
}

/**
 * Identities of the files named on the command line, and refusal of an --out folder that is an input
 * folder or holds one: its outputs would land among the inputs (below an input folder is fine: the
 * walk never enters it).
 */
async function checkInputs(paths: readonly FsPath[], outDir: string | undefined, outOption: string | undefined): Promise<Set<FileId>> {
  const ids = new Set<FileId>()
  const realOut = outDir ? await realPathOf(outDir) : undefined
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (!info) continue
    if (!info.isDirectory()) {
      ids.add(fileIdOf(info))
      continue
    }
    if (realOut === undefined) continue
    const realInput = (await realpath(path)).toString()
    if (realInput === realOut || realInput.startsWith(realOut.endsWith(sep) ? realOut : realOut + sep)) {
      const which = realInput === realOut ? 'is the input folder' : 'holds the input folder'
      throw new UsageError(`\`--out ${outOption}\` ${which} \`${path.toString()}\`: outputs would mix with the inputs; choose a folder outside it (or inside it)`)
    }
  }
  return ids
}

/**
 * How results follow one another on a stream (stdout or --output), so that the stream as a whole is
 * one thing a program can read: JSON lines, one JSON array, or texts separated by form feeds.
 */
const STREAM_SHAPES: Record<OutputFormat, {open: string; between: string; close: string; empty: string}> = {
  jsonl: {open: '', between: '', close: '', empty: ''},
  json: {open: '[\n', between: ',\n', close: '\n]\n', empty: '[]\n'},
  text: {open: '', between: '\f\n', close: '', empty: ''},
}

/** Files the walk passed over that a user may have meant: pages, when only text files are taken. */
const LOOKS_LIKE_A_PAGE = /\.x?html?(?:\.gz)?$/i

/** Runs the batch; returns the exit code. */
export async function runBatch(options: BatchOptions): Promise<number> {
  const started = performance.now()
  for (const [option, globs] of [['--include', options.include], ['--exclude', options.exclude]] as const) {
    for (const glob of globs) {
      const problem = checkGlob(glob)
      if (problem) throw new UsageError(`Expected \`${option}\` to be a glob; \`${glob}\` has ${problem}`)
    }
  }
  const outDir = options.outDir ? resolve(options.outDir) : undefined
  if (outDir) {
    const existing = await stat(outDir).catch(() => undefined)
    if (existing && !existing.isDirectory()) throw new UsageError(`Expected \`--out\` to be a directory; \`${options.outDir}\` is a file`)
  }
  if (options.skipExisting && !outDir) throw new UsageError('`--skip-existing` needs `--out DIR`')
  const inputIds = await checkInputs(options.paths, outDir, options.outDir)
  if (outDir) {
    await mkdir(outDir, {recursive: true}).catch((error: unknown) => {
      throw new UsageError(`Cannot write into \`--out ${options.outDir}\`: ${outputReason(error)}`)
    })
    await access(outDir, constants.W_OK).catch((error: unknown) => {
      throw new UsageError(`Cannot write into \`--out ${options.outDir}\`: ${outputReason(error)}`)
    })
  }
  const skipDirs = outDir ? [outDir, await realpath(outDir).catch(() => outDir)] : []

  const counts: Counts = {done: 0, failed: 0, skipped: 0, found: 0, walkDone: false}
  const progress = createProgress(process.stderr, !options.quiet, started)
  // Every output is written to a temporary file and renamed at the end (output-target.ts).
  const targets: OutputTarget[] = []
  const unregister = onStop(() => {
    for (const target of targets) target.discard()
  })
  let sink: NodeJS.WritableStream = process.stdout
  let errorLog: OutputTarget | undefined
  let outputFailure: {label: string; error: unknown} | undefined
  const watch = (target: OutputTarget): OutputTarget => {
    targets.push(target)
    target.stream.on('error', (error) => (outputFailure ??= {label: target.label, error}))
    return target
  }
  try {
    if (options.output) sink = watch(await openOutputTarget('--output', options.output, inputIds)).stream
    if (options.errors) errorLog = watch(await openOutputTarget('--errors', options.errors, inputIds))
  } catch (error) {
    for (const target of targets) target.discard()
    unregister()
    throw error
  }
  // An existing --output or --errors file found among the inputs must not be replaced at the end.
  const replaced = new Map(targets.filter((t) => t.existingId).map((t) => [t.existingId!, t.label]))
  const ownOutputs = [...targets.map((t) => t.writtenId), ...replaced.keys()]
  const runner = createRunner(options.jobs, options.budget)
  const shape = STREAM_SHAPES[options.format]
  let written = 0
  const emit = (output: string): boolean => {
    const record = options.format === 'json' ? output.replace(/\n$/, '') : output
    return sink.write((written++ ? shape.between : shape.open) + record)
  }
  // --out temporaries of the tasks in flight: removed (after the workers are stopped) if the run is stopped.
  const temporaries = new Set<string>()
  const unregisterRunner = onStop(async (reason) => {
    progress.stop()
    await runner.stop()
    for (const temporary of temporaries) removeQuietly(temporary)
    // Ctrl-C: say how far it got. A reader that went away (| head) wants nothing more.
    if (!options.quiet && reason === 'signal') process.stderr.write(`${summaryLine(counts, (performance.now() - started) / 1000, 'stopped')}\n`)
  })

  const report = (file: string, reason: string): void => {
    counts.failed++
    progress.stop()
    process.stderr.write(`unscrape: ${sanitizeForTerminal(file)}: ${sanitizeForTerminal(reason)}\n`)
    errorLog?.stream.write(toJson({file, error: reason}) + '\n')
  }
  const note = (file: string, reason: string): void => {
    if (options.quiet) return
    progress.stop()
    process.stderr.write(`unscrape: ${sanitizeForTerminal(file)}: ${reason}\n`)
  }
  let overwritten: string | undefined
  let pagesPassedOver = 0

  const walkOptions = {
    include: options.include.length ? options.include : DEFAULT_INCLUDE,
    exclude: options.exclude,
    hidden: options.hidden,
    followSymlinks: options.followSymlinks,
    skipDirs,
  }
  // The total, for the progress line: a second walk that only counts, ahead of the one that works.
  if (progress.live) void countInputs(options.paths, walkOptions, counts)

  // Outputs of one directory, to tell "a.md" from "a.txt"; reset when the walk moves on.
  let outputsDir = ''
  let outputsTaken = new Set<string>()
  let otherTaken = new Set<string>()
  let walkErrors = 0

  // One wait for the sink to drain, shared by every result: results arrive after their input was
  // submitted, so a wait made per input was never awaited and each full write added a listener.
  let drained: Promise<void> | undefined
  for await (const item of walk(options.paths, {
    ...walkOptions,
    onPassed: (path, why) => {
      if (why === 'special') note(path, 'not a regular file (a named pipe, a device or a socket): skipped')
      else if (LOOKS_LIKE_A_PAGE.test(path)) pagesPassedOver++
    },
  })) {
    if (outputFailure || overwritten || isStopping()) break
    if (isWalkError(item)) {
      walkErrors++
      report(item.path, reasonOf(item.error))
      continue
    }
    counts.found++
    let outPath: string | undefined
    let otherOutPath: string | undefined
    if (outDir) {
      const dir = item.relative.includes(sep) ? item.relative.slice(0, item.relative.lastIndexOf(sep)) : ''
      if (dir !== outputsDir) {
        outputsDir = dir
        outputsTaken = new Set()
        otherTaken = new Set()
      }
      outPath = outputPathFor(outDir, item.relative, options.format, outputsTaken)
      // --skip-existing takes an output in the other format too: a resumed run may not repeat --format.
      otherOutPath = outputPathFor(outDir, item.relative, options.format === 'text' ? 'json' : 'text', otherTaken)
      if (!outPath.startsWith(outDir + sep)) {
        report(item.display, 'output would land outside --out')
        continue
      }
    }
    const file = item.display
    const temporary = outPath ? temporaryFor(outPath) : undefined
    if (temporary) temporaries.add(temporary)
    await runner.submit(
      {kind: 'file', path: item.path, file, outPath, otherOutPath: options.skipExisting ? otherOutPath : undefined, temporary, ownOutputs, format: options.format, maxSize: options.maxSize, footer: options.footer, explain: options.explain, inputFormat: inputFormatOf(file, options.inputFormat), skipExisting: options.skipExisting},
      (result: TaskResult) => {
        if (temporary) temporaries.delete(temporary)
        if (result.ownOutput && replaced.has(result.ownOutput)) overwritten ??= `\`${replaced.get(result.ownOutput)}\` is one of the inputs (\`${file}\`); it would be written over`
        if (result.ownOutput) return
        if (result.outputFatal) outputFailure ??= {label: `--out ${options.outDir}`, error: new Error(result.error)}
        else if (result.status === 'failed') report(file, result.error ?? 'failed')
        else if (result.status === 'skipped') counts.skipped++
        else {
          counts.done++
          // A slow reader holds the run back rather than letting output pile up in memory.
          if (result.output && !emit(result.output)) drained ??= untilDrained(sink, () => (drained = undefined))
        }
        progress.update(counts)
      },
    )
    if (drained) await drained
    progress.update(counts)
  }
  counts.walkDone = true
  await runner.close()
  if (isStopping()) return untilStopped()
  unregisterRunner()
  progress.stop()
  if (!outputFailure && !overwritten) sink.write(written ? shape.close : shape.empty)
  if (outputFailure || overwritten) {
    for (const target of targets) target.discard()
    unregister()
    if (overwritten) throw new UsageError(overwritten)
    process.stderr.write(`unscrape: ${sanitizeForTerminal(outputFailure!.label)}: ${outputReason(outputFailure!.error)}\n`)
    return 1
  }
  try {
    for (const target of targets) await target.commit()
  } catch (error) {
    for (const target of targets) target.discard()
    unregister()
    const failed = targets.find((t) => t.stream.errored) ?? targets[0]
    process.stderr.write(`unscrape: ${sanitizeForTerminal(failed.label)}: ${outputReason(error)}\n`)
    return 1
  }
  unregister()
  if (counts.found === 0 && walkErrors === 0) {
    const where = options.paths.map((p) => `\`${p.toString()}\``).join(', ')
    const hint = pagesPassedOver ? `; ${pagesPassedOver} HTML page${pagesPassedOver === 1 ? ' was' : 's were'} passed over: add --include '**/*.html'` : ''
    process.stderr.write(`unscrape: no input found in ${sanitizeForTerminal(where)} (taken: ${walkOptions.include.join(', ')})${sanitizeForTerminal(hint)}\n`)
    return 1
  }
  const seconds = (performance.now() - started) / 1000
  if (!options.quiet) process.stderr.write(summaryLine(counts, seconds) + '\n')
  return counts.failed ? 1 : 0
}

/** Counts the inputs with a walk of its own, so that the progress line can show a total and an ETA. */
async function countInputs(paths: readonly FsPath[], options: Parameters<typeof walk>[1], counts: Counts): Promise<void> {
  let total = 0
  for await (const item of walk(paths, options)) {
    if (counts.walkDone) return
    if (!isWalkError(item)) total++
  }
  counts.total = total
}

