/**
 * Streaming mapper mode (--jsonl-in): JSON lines {"id": …, "text": …} on stdin, one output line per
 * input line on stdout, in the same order, with `id` carried over and `error` set on a record that
 * failed — never a missing line. The contract of Hadoop Streaming and Spark's RDD.pipe.
 */
import {createInterface} from 'node:readline'
import {sanitizeForTerminal} from '../../core/normalize.js'
import {createRunner} from './pool.js'
import type {Task} from './task.js'
import type {InputFormat} from '../../types.js'

export interface JsonlInOptions {
  jobs: number
  explain: boolean
  inputFormat: InputFormat
  quiet: boolean
  maxSize: number
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
  if (Buffer.byteLength(text) > options.maxSize) return {kind: 'invalid', id, error: `line ${lineNumber}: text is over the --max-size limit`}
  return {kind: 'text', id, text, explain: options.explain, inputFormat: options.inputFormat}
}

/** Runs the mapper over stdin; returns the exit code (1 when any record failed). */
export async function runJsonlIn(options: JsonlInOptions): Promise<number> {
  const runner = createRunner(options.jobs)
  const lines = createInterface({input: process.stdin, crlfDelay: Infinity})
  let lineNumber = 0
  let failed = 0
  for await (const line of lines) {
    lineNumber++
    // A blank line is still a record: it gets its (error) line, so counts stay equal.
    const task = taskOf(line, lineNumber, options)
    await runner.submit(task, (result) => {
      if (result.status === 'failed') {
        failed++
        if (!options.quiet) process.stderr.write(`unscrape: ${sanitizeForTerminal(result.error ?? 'failed')}\n`)
      }
      if (result.output) process.stdout.write(result.output)
    })
  }
  await runner.close()
  return failed ? 1 : 0
}
