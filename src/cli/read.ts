/**
 * Reading one input — a file, or bytes already read from stdin — into text, with every failure turned
 * into a one-line reason (input.ts). Runs in the worker threads: the main thread never loads the
 * decoder. Regular files are read synchronously (a worker has nothing else to do meanwhile, and each
 * asynchronous call is a round trip through libuv's thread pool); named pipes are waited on.
 */
import {closeSync, constants, fstatSync, openSync, read as readCallback, readFileSync} from 'node:fs'
import {Socket} from 'node:net'
import {promisify} from 'node:util'
import {gunzipSync} from 'node:zlib'
import {formatSize} from './limits.js'
import {decode, type Decoded} from '../decode.js'
import {collectBytes, InputError, IS_A_DIRECTORY, type FsPath} from './input.js'
import {fileIdOf, type FileId} from './output-target.js'

const read = promisify(readCallback)

/** Default largest input, in bytes: bigger files are refused before they are read. */
export const DEFAULT_MAX_SIZE = 50_000_000

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
    return await collectBytes(socket, maxSize, first)
  } finally {
    socket.destroy()
  }
}

/** Bytes (a file's, stdin's) as text: gunzipped when they are gzip, then decoded. */
export const decodeBytes = (bytes: Buffer, maxSize: number): Decoded => decode(gunzipWithin(bytes, maxSize))

/**
 * Reads and decodes a file, with its identity; rejects with InputError/NotTextError/ErrnoException.
 * Opened without blocking, so that a FIFO never hangs the open itself; devices and sockets are refused.
 */
export async function readTextFile(path: FsPath, maxSize = DEFAULT_MAX_SIZE): Promise<Decoded & {id: FileId}> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  let owned = true
  try {
    const info = fstatSync(fd)
    if (info.isDirectory()) throw new InputError(IS_A_DIRECTORY)
    if (info.isFIFO()) {
      owned = false
      return {...decodeBytes(await readPipe(fd, maxSize), maxSize), id: fileIdOf(info)}
    }
    if (!info.isFile()) throw new InputError(`not a regular file (${info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'special'})`)
    if (info.size > maxSize) throw new InputError(`file is ${formatSize(info.size)}, over the --max-size limit of ${formatSize(maxSize)}`)
    return {...decodeBytes(readFileSync(fd), maxSize), id: fileIdOf(info)}
  } finally {
    if (owned) closeSync(fd)
  }
}
