/**
 * Streaming mapper mode (--jsonl-in): JSON lines {"id": …, "text": …} on stdin, one output line per
 * input line on stdout, in the same order, with `id` carried over and `error` set on a record that
 * failed — never a missing line. The contract of Hadoop Streaming and Spark's RDD.pipe.
 */
import {untilDrained} from './drain.js'
import {sanitizeForTerminal} from '../../core/normalize.js'
import {formatSize} from '../limits.js'
import {onStop} from '../stop.js'
import {createRunner, type Budget} from './pool.js'
import type {Task} from './task.js'
import type {InputFormat} from '../../types.js'

export interface JsonlInOptions {
  jobs: number
  explain: boolean
  inputFormat: InputFormat
  quiet: boolean
  maxSize: number
  budget: Budget
}

function taskOf(line: string, lineNumber: number, options: JsonlInOptions): Task {
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch (error) {
    return {kind: 'invalid', id: null, error: `line ${lineNumber}: invalid JSON (${(error as Error).message})`}
  }
  const id = typeof record === 'object' && record !== null && 'id' in record ? (record as {id: unknown}).id : null
  const text = typeof record === 'object' && record !== null ? (record as {text?: unknown}).text : undefined
  if (typeof text !== 'string') return {kind: 'invalid', id, error: `line ${lineNumber}: expected a "text" string`}
  if (Buffer.byteLength(text) > options.maxSize) return {kind: 'invalid', id, error: `line ${lineNumber}: text is over the --max-size limit of ${formatSize(options.maxSize)}`}
  return {kind: 'text', id, text, explain: options.explain, inputFormat: options.inputFormat}
}

/** A line longer than the limit: the mapper stops there rather than hold it (it may never end). */
const TOO_LONG = Symbol('too long')

/**
 * The lines of `input` (LF or CRLF), each decoded as UTF-8, never holding more than `maxBytes` of
 * one line: a longer one yields TOO_LONG and ends the lines, so that an endless line (/dev/zero)
 * costs `maxBytes` of memory and ends, rather than growing until the string length limit.
 */
export async function* boundedLines(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<string | typeof TOO_LONG> {
  let parts: Buffer[] = []
  let length = 0
  const take = (last: Buffer): string => {
    const bytes = parts.length ? Buffer.concat([...parts, last]) : last
    parts = []
    length = 0
    const end = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length
    return bytes.toString('utf8', 0, end)
  }
  for await (const chunk of input) {
    let start = 0
    for (let newline = chunk.indexOf(0x0a, start); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      if (length + newline - start > maxBytes) return yield TOO_LONG
      yield take(chunk.subarray(start, newline))
      start = newline + 1
    }
    const rest = chunk.subarray(start)
    length += rest.length
    if (length > maxBytes) return yield TOO_LONG
    if (rest.length) parts.push(rest)
  }
  if (length) yield take(Buffer.alloc(0))
}

/** Lines a record may take beyond its text: JSON quoting and the id. */
const LINE_OVERHEAD = 64 * 1024

/** Runs the mapper over stdin; returns the exit code (1 when any record failed). */
export async function runJsonlIn(options: JsonlInOptions): Promise<number> {
  // A record whose worker was ended under it (time or memory budget) still gets its line; the core
  // that writes it is loaded on this thread only then: extraction itself runs in the workers.
  const runner = createRunner(options.jobs, options.budget, async (task, error) => {
    const {errorRecord} = await import('./task.js')
    return {status: 'failed', error, output: errorRecord('id' in task ? task.id : null, error), bytes: 0}
  })
  onStop(() => runner.stop())
  // A text at the limit, escaped as JSON, may take up to twice its bytes (and a few more for \uXXXX).
  const maxLine = options.maxSize * 2 + LINE_OVERHEAD
  let lineNumber = 0
  let failed = 0
  let drained: Promise<void> | undefined
  const write = (output: string): void => {
    if (!process.stdout.write(output)) drained ??= untilDrained(process.stdout, () => (drained = undefined))
  }
  for await (const line of boundedLines(process.stdin as AsyncIterable<Buffer>, maxLine)) {
    lineNumber++
    if (line === TOO_LONG) {
      const reason = `line ${lineNumber}: longer than ${formatSize(maxLine)} (twice --max-size): stopped reading`
      failed++
      await runner.submit({kind: 'invalid', id: null, error: reason}, (result) => result.output && write(result.output))
      process.stderr.write(`unscrape: ${reason}\n`)
      break
    }
    // A blank line is still a record: it gets its (error) line, so counts stay equal.
    const task = taskOf(line, lineNumber, options)
    await runner.submit(task, (result) => {
      if (result.status === 'failed') {
        failed++
        if (!options.quiet) process.stderr.write(`unscrape: ${sanitizeForTerminal(result.error ?? 'failed')}\n`)
      }
      if (result.output) write(result.output)
    })
    if (drained) await drained
  }
  await runner.close()
  return failed ? 1 : 0
}
