/**
 * Reading one input — a file or stdin — into text, with every failure turned into a one-line
 * reason a person can act on.
 */
import {closeSync, constants, fstat as fstatCallback, open as openCallback, read as readCallback, readFile as readFileCallback} from 'node:fs'
import {Socket} from 'node:net'
import {promisify} from 'node:util'
import {gunzipSync} from 'node:zlib'
import {formatSize} from './limits.js'
import {decode, NotTextError, type Decoded} from '../decode.js'
import type {InputFormat} from '../types.js'
import {fileIdOf, type FileId} from './output-target.js'

const openFile = promisify(openCallback) as (path: FsPath, flags: number) => Promise<number>
const fstat = promisify(fstatCallback)
const read = promisify(readCallback)
const readFile = promisify(readFileCallback) as (fd: number) => Promise<Buffer>

/** An input that cannot be processed; `message` is the reason, without the file name. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Default largest input, in bytes: bigger files are refused before they are read. */
export const DEFAULT_MAX_SIZE = 50_000_000

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ENXIO: 'no such device',
}

/**
 * A path as the file system has it: a string, or bytes when a name in it is not valid UTF-8 (such
 * files can still be opened by their bytes; only their displayed name is approximate).
 */
export type FsPath = string | Buffer

/** A path as people read it: undecodable bytes shown as U+FFFD. */
export const displayPath = (path: FsPath): string => (typeof path === 'string' ? path : path.toString())

/**
 * How to read a file: with `auto`, a file named .html or .htm is HTML even when it does not start as
 * a whole page does (a saved fragment); otherwise the core looks at the text itself.
 */
export function inputFormatOf(path: string, option: InputFormat): InputFormat {
  return option === 'auto' && /\.x?html?(?:\.gz)?$/i.test(path) ? 'html' : option
}

/** A person-readable reason for a file system error or a decoding failure. */
export function reasonOf(error: unknown): string {
  if (error instanceof InputError || error instanceof NotTextError) return error.message
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code && REASONS[code]) return REASONS[code]
  return error instanceof Error ? error.message.split('\n')[0] : String(error)
}

/** The first bytes of a gzip stream. */
const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b

/**
 * Bytes as they were before gzip, when they are gzip (by their first bytes, whatever the name: a
 * `.gz` file, a pipe from curl, stdin). Decompression stops at `maxSize` bytes of output, so a
 * gzip bomb costs no more than a plain file at the limit.
 */
export function gunzipWithin(bytes: Buffer, maxSize: number): Buffer {
  if (!isGzip(bytes)) return bytes
  try {
    return gunzipSync(bytes, {maxOutputLength: maxSize})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InputError(`decompressed, the input is over the --max-size limit of ${formatSize(maxSize)}`)
    throw new InputError(`not a valid gzip file (${(error as Error).message})`)
  }
}

const overLimit = (maxSize: number): InputError => new InputError(`input is over the --max-size limit of ${formatSize(maxSize)}`)

/** All of a stream's bytes, refusing more than `maxSize` without holding them. */
async function collect(stream: AsyncIterable<Buffer | string>, maxSize: number, first?: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = first ? [first] : []
  let size = first?.length ?? 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > maxSize) throw overLimit(maxSize)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * A named pipe or process substitution (`<(zcat page.gz)`), opened without waiting: with no process
 * writing to it, that is said at once rather than waited for; otherwise it is read to its end (the
 * time budget of the run bounds a writer that never finishes).
 */
async function readPipe(fd: number, maxSize: number): Promise<Buffer> {
  const probe = Buffer.alloc(64 * 1024)
  let first: Buffer | undefined
  try {
    const {bytesRead} = await read(fd, probe, 0, probe.length, null)
    if (bytesRead === 0) {
      closeSync(fd)
      throw new InputError('a named pipe with nothing to read (no process is writing to it)')
    }
    first = probe.subarray(0, bytesRead)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
  }
  // The socket waits for data without a thread blocked on it, and owns the descriptor from here on.
  const socket = new Socket({fd, readable: true, writable: false})
  try {
    return await collect(socket, maxSize, first)
  } finally {
    socket.destroy()
  }
}

/**
 * Reads and decodes a file, with its identity; throws InputError/NotTextError/ErrnoException. Opened
 * without blocking, so that a FIFO never hangs the open itself; devices and sockets are refused.
 */
export async function readTextFile(path: FsPath, maxSize = DEFAULT_MAX_SIZE): Promise<Decoded & {id: FileId}> {
  const fd = await openFile(path, constants.O_RDONLY | constants.O_NONBLOCK)
  let owned = true
  try {
    const info = await fstat(fd)
    if (info.isDirectory()) throw new InputError(REASONS.EISDIR)
    if (info.isFIFO()) {
      owned = false
      return {...decode(gunzipWithin(await readPipe(fd, maxSize), maxSize)), id: fileIdOf(info)}
    }
    if (!info.isFile()) throw new InputError(`not a regular file (${info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'special'})`)
    if (info.size > maxSize) throw new InputError(`file is ${formatSize(info.size)}, over the --max-size limit of ${formatSize(maxSize)}`)
    return {...decode(gunzipWithin(await readFile(fd), maxSize)), id: fileIdOf(info)}
  } finally {
    if (owned) closeSync(fd)
  }
}

/** Reads and decodes all of a stream (stdin), refusing more than `maxSize` bytes (after gunzip too). */
export async function readTextStream(stream: NodeJS.ReadableStream, maxSize = DEFAULT_MAX_SIZE): Promise<Decoded> {
  return decode(gunzipWithin(await collect(stream as AsyncIterable<Buffer>, maxSize), maxSize))
}
