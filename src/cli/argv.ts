/**
 * Paths named on the command line, as the bytes the shell passed. Node decodes argv as UTF-8 and
 * turns bytes that are not UTF-8 into U+FFFD, so a file named in Latin-1 ("caf\xE9.md") could not
 * be opened by the name it was given. Linux keeps the undecoded arguments in /proc/self/cmdline.
 */
import {readFileSync} from 'node:fs'
import {isUtf8} from 'node:buffer'
import type {FsPath} from './input.js'

/**
 * This process's raw arguments or, when bin/unscrape.js re-ran itself to add its V8 flags (and set
 * UNSCRAPE_REEXEC_PARENT to its pid), the parent's: spawning re-encodes the arguments as UTF-8.
 */
function commandLineFile(): string {
  const parent = process.env.UNSCRAPE_REEXEC_PARENT
  return parent !== undefined && parent === String(process.ppid) ? `/proc/${parent}/cmdline` : '/proc/self/cmdline'
}

function readCommandLine(): Buffer | undefined {
  try {
    return readFileSync(commandLineFile())
  } catch {
    return undefined
  }
}

function splitArguments(commandLine: Buffer): Buffer[] {
  const parts: Buffer[] = []
  for (let start = 0; start < commandLine.length; ) {
    const end = commandLine.indexOf(0, start)
    const stop = end < 0 ? commandLine.length : end
    parts.push(commandLine.subarray(start, stop))
    start = stop + 1
  }
  return parts
}

/**
 * Each path that Node could not decode, replaced by the raw argument it came from; the others as
 * given. Where the raw arguments are not available (not Linux) or none matches, the decoded text
 * stays, and opening it fails with a one-line "no such file" as before.
 */
export function rawCommandLinePaths(paths: readonly string[], commandLine: Buffer | undefined = undefined): FsPath[] {
  if (!paths.some((path) => path.includes('\uFFFD'))) return [...paths]
  const raw = splitArguments(commandLine ?? readCommandLine() ?? Buffer.alloc(0)).filter((arg) => !isUtf8(arg))
  return paths.map((path) => {
    if (!path.includes('\uFFFD')) return path
    const index = raw.findIndex((arg) => arg.toString('utf8') === path)
    return index < 0 ? path : raw.splice(index, 1)[0]
  })
}
