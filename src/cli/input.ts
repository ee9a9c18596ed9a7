/**
 * What the main thread does with an input: names it as people read it, tells its format by name,
 * turns any failure into a one-line reason, and collects stdin's bytes. Kept apart from read.ts,
 * which reads and decodes (chardet, iconv-lite: 8 MB and 0.1 s to load) in the worker threads.
 */
import {formatSize} from './limits.js'
import type {InputFormat} from '../types.js'

/** An input that cannot be processed; `message` is the reason, without the file name. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

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

/** The reason for a directory given where a file was expected. */
export const IS_A_DIRECTORY = REASONS.EISDIR

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

/**
 * A person-readable reason for a file system error or a reading failure. Decoding's NotTextError is
 * known by its name, so that this module does not load the decoder.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof InputError || (error as Error | undefined)?.name === 'NotTextError') return (error as Error).message
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code && REASONS[code]) return REASONS[code]
  return error instanceof Error ? error.message.split('\n')[0] : String(error)
}

export const overLimit = (maxSize: number): InputError => new InputError(`input is over the --max-size limit of ${formatSize(maxSize)}`)

/** All of a stream's bytes, refusing more than `maxSize` without holding them. */
export async function collectBytes(stream: AsyncIterable<Buffer | string>, maxSize: number, first?: Buffer): Promise<Buffer> {
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
