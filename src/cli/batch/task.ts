/**
 * One unit of batch work — read, decode, extract, render, and for `--out` write atomically — as a
 * plain function of plain data, so the same code runs in a worker thread or in the main thread.
 */
import {toJson} from '../json.js'
import {randomBytes} from 'node:crypto'
import {mkdir, rename, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {extract} from '../../extract.js'
import {loadHtmlSupportFor} from '../html-support.js'
import {readTextFile, reasonOf, type FsPath} from '../read.js'
import {renderText} from '../render.js'
import {Chalk} from 'chalk'
import type {Article, InputFormat} from '../../types.js'

export type OutputFormat = 'json' | 'jsonl' | 'text'

export interface FileTask {
  kind: 'file'
  /** What to open: bytes when the name is not valid UTF-8. */
  path: FsPath
  /** The path for people and for the `file` field. */
  file: string
  /** Where to write the result (with --out); undefined to return it. */
  outPath?: string
  format: OutputFormat
  maxSize: number
  footer: boolean
  explain: boolean
  inputFormat: InputFormat
  skipExisting: boolean
}

export interface TextTask {
  kind: 'text'
  id: unknown
  text: string
  explain: boolean
  inputFormat: InputFormat
}

/** A --jsonl-in line that could not be read: it still gets its line of output, in order. */
export interface InvalidTask {
  kind: 'invalid'
  id: unknown
  error: string
}

export type Task = FileTask | TextTask | InvalidTask

export interface TaskResult {
  status: 'ok' | 'failed' | 'skipped'
  /** The rendered result: one JSON line (jsonl, --jsonl-in) when not written to a file. */
  output?: string
  /** Why it failed, one line. */
  error?: string
  /** Bytes of input read, for throughput figures. */
  bytes: number
}

const plain = new Chalk({level: 0})

function render(article: Article, format: OutputFormat, footer: boolean): string {
  if (format === 'text') return renderText(article, {footer, chalk: plain, width: 60})
  return format === 'json' ? toJson(article, 2) + '\n' : toJson(article) + '\n'
}

/** Writes through a temporary file in the same directory, then renames: readers never see half a file. */
export async function writeAtomically(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  // Hidden, so that a run killed mid-write leaves nothing a later walk or reader would take for output.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, data, {flag: 'wx'})
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}

async function isFresh(outPath: string, inputPath: FsPath): Promise<boolean> {
  try {
    const [out, input] = await Promise.all([stat(outPath), stat(inputPath)])
    return out.mtimeMs >= input.mtimeMs
  } catch {
    return false
  }
}

/** A record for an input that failed, so that line-oriented consumers never miss a line. */
export function errorRecord(id: unknown, error: string): string {
  const empty = extract('')
  return toJson({...empty, warnings: [], id, error}) + '\n'
}

/** Runs one task; never throws for a bad input, only reports it. */
export async function runTask(task: Task): Promise<TaskResult> {
  if (task.kind === 'invalid') return {status: 'failed', error: task.error, output: errorRecord(task.id, task.error), bytes: 0}
  if (task.kind === 'text') {
    try {
      await loadHtmlSupportFor(task.text, task.inputFormat)
      const article = extract(task.text, {explain: task.explain, inputFormat: task.inputFormat})
      return {status: 'ok', output: toJson({...article, id: task.id}) + '\n', bytes: Buffer.byteLength(task.text)}
    } catch (error) {
      return {status: 'failed', error: reasonOf(error), output: errorRecord(task.id, reasonOf(error)), bytes: 0}
    }
  }
  try {
    if (task.outPath && task.skipExisting && (await isFresh(task.outPath, task.path))) return {status: 'skipped', bytes: 0}
    const decoded = await readTextFile(task.path, task.maxSize)
    await loadHtmlSupportFor(decoded.text, task.inputFormat)
    const article = extract(decoded.text, {file: task.file, explain: task.explain, inputFormat: task.inputFormat})
    if (decoded.encoding !== 'utf-8') article.warnings.push(`input decoded as ${decoded.encoding}`)
    const output = render(article, task.format, task.footer)
    const bytes = Buffer.byteLength(decoded.text)
    if (task.outPath) {
      await writeAtomically(task.outPath, output)
      return {status: 'ok', bytes}
    }
    return {status: 'ok', output, bytes}
  } catch (error) {
    return {status: 'failed', error: reasonOf(error), bytes: 0}
  }
}
