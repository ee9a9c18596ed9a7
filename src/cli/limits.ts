/**
 * The numbers a user gives on the command line — sizes, durations, job counts — parsed strictly and
 * printed back the same way. Sizes in kB/MB/GB are powers of 1000; KiB/MiB/GiB are powers of 1024.
 */
import {availableParallelism} from 'node:os'
import {UsageError} from './usage-error.js'

const invalid = (option: string, expected: string, value: string): UsageError => new UsageError(`Expected \`${option}\` to be ${expected}; got \`${value}\``)

/** A number and its unit, as both parsers read them: "50MB", "1.5 GiB", "90s", "0". */
const NUMBER_WITH_UNIT = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i

const SIZE_UNITS: Record<string, number> = {'': 1, b: 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3}

/** "50MB" → 50,000,000; "1.5GiB" → 1,610,612,736; a bare number is bytes. */
export function parseSize(option: string, value: string): number {
  const m = NUMBER_WITH_UNIT.exec(value)
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined
  if (!m || unit === undefined || Number(m[1]) === 0) throw invalid(option, 'a size such as 50MB, 800kB or 2GiB', value)
  return Math.floor(Number(m[1]) * unit)
}

/** Bytes for people, in the units parseSize reads, to three digits: "61.0 MB", "1.02 MB", "800 kB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toPrecision(3)} GB`
  if (bytes >= 1e6) return `${(bytes / 1e6).toPrecision(3)} MB`
  return `${Math.ceil(bytes / 1e3)} kB`
}

const DURATION_UNITS: Record<string, number> = {ms: 1, s: 1000, '': 1000, m: 60_000, min: 60_000, h: 3_600_000}

/** "90s", "5m", "500ms", "2h"; a bare number is seconds; "0" turns the limit off. Returns milliseconds. */
export function parseDuration(option: string, value: string): number {
  const m = NUMBER_WITH_UNIT.exec(value)
  const unit = m ? DURATION_UNITS[m[2].toLowerCase()] : undefined
  if (!m || unit === undefined) throw invalid(option, 'a duration such as 90s, 5m or 0 (no limit)', value)
  return Math.round(Number(m[1]) * unit)
}

/** Seconds for people: "45s", "3m05s", "1h02m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—'
  if (seconds > 0 && seconds < 1) return `${Math.round(seconds * 1000)}ms`
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
}

/** A whole number of 1 or more, written plainly: no sign, exponent, hex, spaces or leading zeros. */
export function parseJobs(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw invalid('--jobs', 'a whole number of 1 or more, such as 4', value)
  return Number(value)
}

/** Workers per core beyond which more only cost memory: extraction is CPU-bound. */
export const JOBS_PER_CORE = 4

/** The most worker threads worth starting on this machine. */
export const maxJobs = (cores = availableParallelism()): number => JOBS_PER_CORE * cores
