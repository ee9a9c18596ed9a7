/**
 * Streaming walk over the inputs: files are yielded as directories are read, in sorted path order,
 * so processing starts at once and the tree is never listed whole. Only the names of one directory
 * at a time are held (to sort them).
 */
import {isUtf8} from 'node:buffer'
import {opendir, realpath, stat} from 'node:fs/promises'
import {basename, join, resolve, sep} from 'node:path'
import picomatch from 'picomatch'
import {displayPath, type FsPath} from '../input.js'

export interface WalkOptions {
  /** Globs a file's path (relative to its root) must match; default the text extensions. */
  include: string[]
  /** Globs that exclude a file or a directory. */
  exclude: string[]
  /** Visit hidden files and directories (names starting with "."). Default false. */
  hidden: boolean
  /** Follow symbolic links to directories. Default false; loops are detected either way. */
  followSymlinks: boolean
  /** Absolute directories never to enter (the output directory, when inside an input). */
  skipDirs: string[]
  /** Told of what the walk passes over and why: a FIFO or a device (never opened), a page not included. */
  onPassed?: (path: string, why: 'special' | 'not-included') => void
}

export const DEFAULT_INCLUDE = ['**/*.txt', '**/*.md', '**/*.markdown', '**/*.txt.gz', '**/*.md.gz', '**/*.markdown.gz']

/** A glob as picomatch reads it, or a one-line reason it is not one (an unclosed `[`, `(` or `{`). */
export function checkGlob(glob: string): string | undefined {
  try {
    picomatch.makeRe(glob, {strictBrackets: true, dot: true})
    return undefined
  } catch (error) {
    return (error as Error).message.replace(/^Missing /, 'a missing ')
  }
}

/** One input file found by the walk. */
export interface WalkedFile {
  /** The path to read, as derived from what the user gave. */
  path: FsPath
  /** The path for people and for output names (invalid bytes shown as U+FFFD). */
  display: string
  /** The display path relative to the root it was found under (the file name for files given directly). */
  relative: string
}

/** A path that could not be walked: reported like a failed file. */
export interface WalkError {
  path: string
  error: unknown
}

/** `dir` + `name`, as a string when both are text, else as bytes. */
function joinPath(dir: FsPath, name: Buffer): FsPath {
  if (typeof dir === 'string' && isUtf8(name)) return join(dir, name.toString())
  return Buffer.concat([Buffer.isBuffer(dir) ? dir : Buffer.from(dir), Buffer.from(sep), name])
}

/** Yields every input file under `roots`, in order; failures to read a directory come as WalkError. */
export async function* walk(roots: readonly FsPath[], options: WalkOptions): AsyncGenerator<WalkedFile | WalkError> {
  const included = picomatch(options.include, {dot: true})
  const excluded = options.exclude.length ? picomatch(options.exclude, {dot: true}) : () => false
  const skip = new Set(options.skipDirs.map((d) => resolve(d)))

  for (const root of roots) {
    let info
    try {
      info = await stat(root)
    } catch (error) {
      yield {path: displayPath(root), error}
      continue
    }
    if (!info.isDirectory()) {
      // Files named on the command line are taken whatever their extension.
      yield {path: root, display: displayPath(root), relative: basename(displayPath(root))}
      continue
    }
    const seen = new Set<string>([(await realpath(root, {encoding: 'buffer'})).toString('latin1')])
    yield* walkDirectory(root, '', seen)
  }

  async function* walkDirectory(dir: FsPath, rel: string, seen: Set<string>): AsyncGenerator<WalkedFile | WalkError> {
    if (typeof dir === 'string' && skip.has(resolve(dir))) return
    let handle
    try {
      // Names as bytes: a name that is not valid UTF-8 must still be opened by its own bytes.
      handle = await opendir(dir, {encoding: 'buffer' as BufferEncoding})
    } catch (error) {
      yield {path: displayPath(dir), error}
      return
    }
    const entries: {name: Buffer; text: string; kind: 'file' | 'dir' | 'link' | 'other' | 'skip'}[] = []
    try {
      for await (const entry of handle) {
        const name = entry.name as unknown as Buffer
        if (!options.hidden && name[0] === 0x2e) continue
        const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : entry.isSymbolicLink() ? 'link' : 'other'
        entries.push({name, text: name.toString(), kind})
      }
    } catch (error) {
      yield {path: displayPath(dir), error}
      return
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name))
    for (const entry of entries) {
      const path = joinPath(dir, entry.name)
      const relPath = rel ? join(rel, entry.text) : entry.text
      const relPosix = relPath.split(sep).join('/')
      if (excluded(relPosix)) continue
      let kind = entry.kind
      if (kind === 'link') {
        try {
          const target = await stat(path)
          kind = target.isDirectory() ? (options.followSymlinks ? 'dir' : 'skip') : target.isFile() ? 'file' : 'other'
        } catch (error) {
          yield {path: displayPath(path), error}
          continue
        }
      }
      if (kind === 'dir') {
        let real: string
        try {
          real = (await realpath(path, {encoding: 'buffer'})).toString('latin1')
        } catch (error) {
          yield {path: displayPath(path), error}
          continue
        }
        // A link back into a directory being walked would loop forever.
        if (seen.has(real)) continue
        seen.add(real)
        yield* walkDirectory(path, relPath, seen)
        seen.delete(real)
      } else if (kind === 'file' && included(relPosix)) {
        yield {path, display: displayPath(path), relative: relPath}
      } else if (kind === 'file') {
        options.onPassed?.(displayPath(path), 'not-included')
      } else if (kind === 'other') {
        // A FIFO would block the open, a device never end: never opened by a walk.
        options.onPassed?.(displayPath(path), 'special')
      }
    }
  }
}

export function isWalkError(item: WalkedFile | WalkError): item is WalkError {
  return 'error' in item
}
