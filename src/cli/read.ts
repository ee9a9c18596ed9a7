/**
 * Reading one input — a file or stdin — into text, with every failure turned into a one-line
 * reason a person can act on.
 */
import {open} from 'node:fs/promises'
import {decode, NotTextError, type Decoded} from '../decode.js'
import type {InputFormat} from '../types.js'
import {fileIdOf, type FileId} from './output-target.js'

/** An input that cannot be processed; `message` is the reason, without the file name. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Default largest input, in bytes: bigger files are refused before they are read. */
export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024

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
  return option === 'auto' && /\.x?html?$/i.test(path) ? 'html' : option
}

/** A person-readable reason for a file system error or a decoding failure. */
export function reasonOf(error: unknown): string {
  if (error instanceof InputError || error instanceof NotTextError) return error.message
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code && REASONS[code]) return REASONS[code]
  return error instanceof Error ? error.message.split('\n')[0] : String(error)
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/** Reads and decodes a file, with its identity; throws InputError/NotTextError/ErrnoException. */
export async function readTextFile(path: FsPath, maxSize = DEFAULT_MAX_SIZE): Promise<Decoded & {id: FileId}> {
  const handle = await open(path, 'r')
  try {
    const stat = await handle.stat()
    if (stat.isDirectory()) throw new InputError(REASONS.EISDIR)
    if (!stat.isFile()) throw new InputError('not a regular file')
    if (stat.size > maxSize) throw new InputError(`file is ${formatSize(stat.size)}, over the --max-size limit of ${formatSize(maxSize)}`)
    return {...decode(await handle.readFile()), id: fileIdOf(stat)}
  } finally {
    await handle.close()
  }
}

/** Reads and decodes all of a stream (stdin), refusing more than `maxSize` bytes. */
export async function readTextStream(stream: NodeJS.ReadableStream, maxSize = DEFAULT_MAX_SIZE): Promise<Decoded> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > maxSize) throw new InputError(`input is over the --max-size limit of ${formatSize(maxSize)}`)
    chunks.push(buffer)
  }
  return decode(Buffer.concat(chunks))
}
