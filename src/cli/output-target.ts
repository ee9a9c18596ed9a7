/**
 * Where a stream of output goes when an option names a file (`--output`, `--errors`): decided once,
 * before any work, from what is at that path, so that nothing but a regular file is ever replaced and
 * no input is ever written over.
 *
 * | what is there                         | what happens                                                        |
 * |---------------------------------------|---------------------------------------------------------------------|
 * | nothing                               | `atomic`: a hidden temporary file beside it, renamed at the end      |
 * | a regular file                        | `atomic` too (replaced as `>` would, but never left half-written)    |
 * | a symbolic link                       | never replaced: written through to what it points at, in place       |
 * | a device or a FIFO                    | opened and written as it is (/dev/null, a pipe's reader); a socket is refused |
 * | `-`, /dev/stdout, /dev/stderr         | this process's own stdout or stderr, whatever it is                  |
 * | a directory, a dangling link, an input | refused with a usage error before anything is read                   |
 */
import {constants, createWriteStream, fstatSync, openSync, renameSync, unlinkSync, type WriteStream} from 'node:fs'
import {lstat, stat} from 'node:fs/promises'
import {Socket} from 'node:net'
import {basename, dirname, join} from 'node:path'
import {UsageError} from './usage-error.js'

/** A file's identity: device and inode, the same whatever name or link reaches it. */
export type FileId = string

/** The temporary file an output is written through: hidden, so no walk or reader takes it for output. */
export const temporaryFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)

export const fileIdOf = (info: {dev: number | bigint; ino: number | bigint}): FileId => `${info.dev}:${info.ino}`

export interface OutputTarget {
  /** The option and path, for messages: "--output all.jsonl". */
  label: string
  stream: NodeJS.WritableStream & {errored?: Error | null}
  /** The identity of the file written to (the temporary one while `atomic`), to keep it out of the inputs. */
  writtenId: FileId
  /** The identity of what was already at the path, when it was a file. */
  existingId?: FileId
  /** The temporary file while an atomic write is open. */
  temporary?: string
  /** Closes the stream and, for an atomic write, renames the temporary file into place. */
  commit(): Promise<void>
  /** Synchronous, for signal handlers and errors: closes and removes the temporary file, if any. */
  discard(): void
}

/** Names of this process's own output streams: written to as they are, never opened again. */
const STANDARD_STREAMS: Record<string, 1 | 2> = {'-': 1, '/dev/stdout': 1, '/dev/fd/1': 1, '/proc/self/fd/1': 1, '/dev/stderr': 2, '/dev/fd/2': 2, '/proc/self/fd/2': 2}

const describe = (info: {isDirectory(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean}): string =>
  info.isDirectory() ? 'a directory' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : 'not a regular file'

/** Output errors, worded for the option that names the output. */
const OUTPUT_REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'is a directory',
  ENXIO: 'a named pipe that no process is reading',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EPIPE: 'the reader went away',
}

/** A one-line reason for a file system error met while opening or writing an output. */
export function outputReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code && OUTPUT_REASONS[code]) return OUTPUT_REASONS[code]
  return error instanceof Error ? error.message.split('\n')[0] : String(error)
}

/**
 * Opens the output `path` for option `option` ("--output"); `inputs` are the identities of the files
 * named on the command line. Throws UsageError for a target that can never work.
 */
export async function openOutputTarget(option: string, path: string, inputs: ReadonlySet<FileId>): Promise<OutputTarget> {
  const label = `${option} ${path}`
  const standard = STANDARD_STREAMS[path]
  if (standard) {
    // This process's own stdout or stderr, whatever it is (a pipe, a socket, a terminal, a file).
    const stream = standard === 1 ? process.stdout : process.stderr
    return {label, stream, writtenId: fileIdOf(fstatSync(standard)), commit: async () => undefined, discard: () => undefined}
  }
  const linkInfo = await lstat(path).catch(() => undefined)
  const info = linkInfo?.isSymbolicLink() ? await stat(path).catch(() => undefined) : linkInfo
  if (linkInfo && !info) throw new UsageError(`\`${label}\` is a symbolic link to nothing; name the file itself`)
  if (info?.isDirectory()) throw new UsageError(`Expected \`${option}\` to be a file; \`${path}\` is a directory${option === '--output' ? ' (use --out DIR for one file per input)' : ''}`)
  const existingId = info ? fileIdOf(info) : undefined
  if (existingId && inputs.has(existingId)) throw new UsageError(`\`${label}\` is one of the inputs; it would be written over`)

  if (info && (linkInfo!.isSymbolicLink() || !info.isFile())) {
    if (info.isFIFO()) {
      // Opened without waiting: with no reader that fails at once (a blocking open would wait for
      // one forever, deaf to signals). The socket writes to the non-blocking pipe as a reader drains it.
      const fd = openOrExplain(label, () => openSync(path, constants.O_WRONLY | constants.O_NONBLOCK))
      const stream = new Socket({fd, readable: false, writable: true})
      return {label, stream, writtenId: existingId!, existingId, commit: () => endStream(stream), discard: () => stream.destroy()}
    }
    // Written as it is: a device, or the regular file a link points at (truncated in place, as `>` does).
    if (!info.isFile() && !info.isCharacterDevice()) throw new UsageError(`Cannot write \`${label}\`: ${describe(info)}`)
    const fd = openOrExplain(label, () => openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | (info.isFile() ? constants.O_TRUNC : 0)))
    const stream = createWriteStream('', {fd})
    return {label, stream, writtenId: existingId!, existingId, commit: () => endStream(stream), discard: () => stream.destroy()}
  }

  // Hidden, so that a walk (or a person) never takes it for an output.
  const temporary = temporaryFor(path)
  const fd = openOrExplain(label, () => openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666))
  const stream = createWriteStream('', {fd})
  // Synchronous: from the file's creation until the caller holds `discard`, a signal must find no
  // gap to run in (an awaited stat here left the temporary behind on an early SIGINT).
  const written = fstatSync(fd)
  let pending: string | undefined = temporary
  const discard = (): void => {
    stream.destroy()
    if (pending) removeQuietly(pending)
    pending = undefined
  }
  return {
    label,
    stream,
    writtenId: fileIdOf(written),
    existingId,
    get temporary() {
      return pending
    },
    async commit() {
      try {
        await endStream(stream)
        if (pending) renameSync(pending, path)
        pending = undefined
      } catch (error) {
        discard()
        throw error
      }
    },
    discard,
  }
}

function openOrExplain(label: string, openIt: () => number): number {
  try {
    return openIt()
  } catch (error) {
    throw new UsageError(`Cannot write \`${label}\`: ${outputReason(error)}`)
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Already gone, or never made.
  }
}

function endStream(stream: NodeJS.WritableStream & {destroyed: boolean; errored?: Error | null}): Promise<void> {
  return new Promise((done, fail) => {
    if (stream.destroyed) return fail(stream.errored ?? new Error('output closed'))
    stream.once('error', fail)
    stream.end(() => {
      stream.off('error', fail)
      done()
    })
  })
}
