/**
 * Streaming walk over the inputs: files are yielded as directories are read, in sorted path order,
 * so processing starts at once and the tree is never listed whole. Only the names of one directory
 * at a time are held (to sort them).
 */
import {opendir, realpath, stat} from 'node:fs/promises'
import {basename, join, relative, resolve, sep} from 'node:path'
import picomatch from 'picomatch'

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
}

export const DEFAULT_INCLUDE = ['**/*.txt', '**/*.md', '**/*.markdown']

/** One input file found by the walk. */
export interface WalkedFile {
  /** The path to read, as derived from what the user gave. */
  path: string
  /** The path relative to the root it was found under (the file name for files given directly). */
  relative: string
}

/** A path that could not be walked: reported like a failed file. */
export interface WalkError {
  path: string
  error: unknown
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Yields every input file under `roots`, in order; failures to read a directory come as WalkError. */
export async function* walk(roots: readonly string[], options: WalkOptions): AsyncGenerator<WalkedFile | WalkError> {
  const included = picomatch(options.include, {dot: true})
  const excluded = options.exclude.length ? picomatch(options.exclude, {dot: true}) : () => false
  const skip = new Set(options.skipDirs.map((d) => resolve(d)))

  for (const root of roots) {
    let info
    try {
      info = await stat(root)
    } catch (error) {
      yield {path: root, error}
      continue
    }
    if (!info.isDirectory()) {
      // Files named on the command line are taken whatever their extension.
      yield {path: root, relative: basename(root)}
      continue
    }
    const seen = new Set<string>([await realpath(root)])
    yield* walkDirectory(root, root, seen)
  }

  async function* walkDirectory(root: string, dir: string, seen: Set<string>): AsyncGenerator<WalkedFile | WalkError> {
    if (skip.has(resolve(dir))) return
    let handle
    try {
      handle = await opendir(dir)
    } catch (error) {
      yield {path: dir, error}
      return
    }
    const entries: {name: string; kind: 'file' | 'dir' | 'link' | 'other'}[] = []
    try {
      for await (const entry of handle) {
        if (!options.hidden && entry.name.startsWith('.')) continue
        const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : entry.isSymbolicLink() ? 'link' : 'other'
        if (kind !== 'other') entries.push({name: entry.name, kind})
      }
    } catch (error) {
      yield {path: dir, error}
      return
    }
    entries.sort((a, b) => byName(a.name, b.name))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      const rel = relative(root, path)
      const relPosix = rel.split(sep).join('/')
      if (excluded(relPosix)) continue
      let kind = entry.kind
      if (kind === 'link') {
        try {
          const target = await stat(path)
          kind = target.isDirectory() ? (options.followSymlinks ? 'dir' : 'other') : target.isFile() ? 'file' : 'other'
        } catch (error) {
          yield {path, error}
          continue
        }
      }
      if (kind === 'dir') {
        let real: string
        try {
          real = await realpath(path)
        } catch (error) {
          yield {path, error}
          continue
        }
        // A link back into a directory being walked would loop forever.
        if (seen.has(real)) continue
        seen.add(real)
        yield* walkDirectory(root, path, seen)
        seen.delete(real)
      } else if (kind === 'file' && included(relPosix)) {
        yield {path, relative: rel}
      }
    }
  }
}

export function isWalkError(item: WalkedFile | WalkError): item is WalkError {
  return 'error' in item
}
