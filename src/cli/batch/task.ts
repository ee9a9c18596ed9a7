/**
 * One unit of batch work — read, decode, extract, render, and for `--out` write atomically — as a
 * plain function of plain data, so the same code runs in a worker thread or in the main thread.
 */
import {toJson} from '../json.js'
import {lstat, mkdir, rename, stat, unlink, writeFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import {extract} from '../../extract.js'
import {loadHtmlSupportFor} from '../html-support.js'
import {decodeBytes, readTextFile} from '../read.js'
import {reasonOf, type FsPath} from '../input.js'
import {fileIdOf, outputReason, temporaryFor, type FileId} from '../output-target.js'
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
  /** With --skip-existing: the output this input would have in the other format (.json or .txt). */
  otherOutPath?: string
  /** The temporary file to write `outPath` through (hidden, beside it; the main thread removes it if stopped). */
  temporary?: string
  /** Identities of this run's own output files: an input that is one of them is not read. */
  ownOutputs?: FileId[]
  format: OutputFormat
  maxSize: number
  footer: boolean
  explain: boolean
  inputFormat: InputFormat
  skipExisting: boolean
  /** Hand back the Article itself (one-file mode renders it for the terminal). */
  returnArticle?: boolean
}

export interface TextTask {
  kind: 'text'
  id: unknown
  text: string
  explain: boolean
  inputFormat: InputFormat
  /** Hand back the Article itself rather than a --jsonl-in record. */
  returnArticle?: boolean
}

/** Stdin's bytes, collected by the main thread: gunzipped and decoded here, in the worker. */
export interface BytesTask {
  kind: 'bytes'
  bytes: Uint8Array
  maxSize: number
  explain: boolean
  inputFormat: InputFormat
  returnArticle: true
}

/** A --jsonl-in line that could not be read: it still gets its line of output, in order. */
export interface InvalidTask {
  kind: 'invalid'
  id: unknown
  error: string
}

export type Task = FileTask | TextTask | BytesTask | InvalidTask

export interface TaskResult {
  status: 'ok' | 'failed' | 'skipped'
  /** The rendered result: one JSON line (jsonl, --jsonl-in) when not written to a file. */
  output?: string
  /** Why it failed, one line. */
  error?: string
  /** The Article, when the task asked for it. */
  article?: Article
  /** Bytes of input read, for throughput figures. */
  bytes: number
  /** The input is one of this run's own outputs (`--output`, `--errors`): it was not read. */
  ownOutput?: FileId
  /** The failure was in writing the output, not in reading the input. */
  outputFailed?: boolean
  /** Writing failed in a way every later output would too (a full disk): the batch stops. */
  outputFatal?: boolean
}

/** An output under --out that cannot be written; the message names the output, not the input. */
export class OutputError extends Error {
  constructor(message: string, readonly fatal = false) {
    super(message)
  }
}

/** Write errors that every later output would meet too. */
const FATAL_WRITE_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EFBIG', 'EIO'])



const plain = new Chalk({level: 0})

function render(article: Article, format: OutputFormat, footer: boolean): string {
  if (format === 'text') return renderText(article, {footer, chalk: plain, width: 60})
  return format === 'json' ? toJson(article, 2) + '\n' : toJson(article) + '\n'
}

/**
 * Writes through a temporary file in the same directory, then renames: readers never see half a file.
 * Only a regular file is ever replaced, and never the input itself (by identity, not by name: a hard
 * link or a symbolic link to the input is the input).
 */
export async function writeAtomically(path: string, data: string, temporary = temporaryFor(path), inputId?: FileId): Promise<void> {
  try {
    await mkdir(dirname(path), {recursive: true})
    const existing = await lstat(path).catch(() => undefined)
    if (existing && !existing.isFile()) throw new OutputError(`${path}: ${existing.isSymbolicLink() ? 'a symbolic link' : existing.isDirectory() ? 'a directory' : 'not a regular file'} is in the way, left alone`)
    if (existing && fileIdOf(existing) === inputId) throw new OutputError(`${path}: output would overwrite the input`)
    await writeFile(temporary, data, {flag: 'wx'})
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    if (error instanceof OutputError) throw error
    throw new OutputError(`cannot write ${path}: ${outputReason(error)}`, FATAL_WRITE_ERRORS.has((error as NodeJS.ErrnoException).code ?? ''))
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
      if (task.returnArticle) return {status: 'ok', article, bytes: Buffer.byteLength(task.text)}
      return {status: 'ok', output: toJson({...article, id: task.id}) + '\n', bytes: Buffer.byteLength(task.text)}
    } catch (error) {
      return {status: 'failed', error: reasonOf(error), output: errorRecord(task.id, reasonOf(error)), bytes: 0}
    }
  }
  if (task.kind === 'bytes') {
    try {
      const bytes = task.bytes
      const decoded = decodeBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), task.maxSize)
      await loadHtmlSupportFor(decoded.text, task.inputFormat)
      const article = extract(decoded.text, {explain: task.explain, inputFormat: task.inputFormat})
      if (decoded.encoding !== 'utf-8') article.warnings.push(`input decoded as ${decoded.encoding}`)
      return {status: 'ok', article, bytes: Buffer.byteLength(decoded.text)}
    } catch (error) {
      return {status: 'failed', error: reasonOf(error), bytes: 0}
    }
  }
  try {
    if (task.outPath && task.skipExisting) {
      for (const existing of [task.outPath, task.otherOutPath]) if (existing && (await isFresh(existing, task.path))) return {status: 'skipped', bytes: 0}
    }
    const decoded = await readTextFile(task.path, task.maxSize)
    if (task.ownOutputs?.includes(decoded.id)) return {status: 'skipped', ownOutput: decoded.id, bytes: 0}
    await loadHtmlSupportFor(decoded.text, task.inputFormat)
    const article = extract(decoded.text, {file: task.file, explain: task.explain, inputFormat: task.inputFormat})
    if (decoded.encoding !== 'utf-8') article.warnings.push(`input decoded as ${decoded.encoding}`)
    if (task.returnArticle) return {status: 'ok', article, bytes: Buffer.byteLength(decoded.text)}
    const output = render(article, task.format, task.footer)
    const bytes = Buffer.byteLength(decoded.text)
    if (task.outPath) {
      await writeAtomically(task.outPath, output, task.temporary, decoded.id)
      return {status: 'ok', bytes}
    }
    return {status: 'ok', output, bytes}
  } catch (error) {
    if (error instanceof OutputError) return {status: 'failed', error: error.message, outputFailed: true, outputFatal: error.fatal, bytes: 0}
    return {status: 'failed', error: reasonOf(error), bytes: 0}
  }
}
