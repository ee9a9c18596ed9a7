#!/usr/bin/env node
// `node scripts/bench-linearity.mjs [DIR] [--sizes 1,4,10,45] [--timeout S]` (or `npm run bench -- DIR
// --linearity`): whether one long file costs time in proportion to its size. The pages of a corpus
// folder (default ../shared/corpus/dev: every input.md/.md/.txt under it, in name order, stray fences
// and all) are concatenated, over and over, into one file of each size; each file is read by the CLI
// (`node <V8 flags> bin/unscrape.js FILE --format json`, as the bin re-runs itself, with Node's
// default heap and the CLI's default --max-memory and --timeout raised out of the way) in a child process of its own, and
// its CPU seconds, seconds per MB, ratio to the smallest file's per-MB time and peak resident memory
// are printed. Linear work reads a ratio near 1 (issue 15 asks at most 2.5 for 45 MB against 1 MB,
// under 1.5 GB). Figures, never assertions: the tests stay fast.
import {spawn} from 'node:child_process'
import {closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {V8_FLAGS} from '../bin/v8-flags.js'

const BIN = fileURLToPath(new URL('../bin/unscrape.js', import.meta.url))
/** The V8 flags the CLI runs under (given here, so that it does not re-run itself: one process to measure). */
const NODE_FLAGS = V8_FLAGS
/** Loaded into each child (`--import`): its CPU time and peak memory, written to fd 3 as it exits. */
const REPORTER = `data:text/javascript,${encodeURIComponent(
  "import {writeSync} from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); try { writeSync(3, JSON.stringify({cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRss: u.maxRSS * 1024})) } catch {} })",
)}`
const MB = 1e6

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const optionValues = new Set(['--sizes', '--timeout'].map((name) => args[args.indexOf(name) + 1]))
const dir = args.find((a) => !a.startsWith('--') && !optionValues.has(a)) ?? fileURLToPath(new URL('../../shared/corpus/dev', import.meta.url))
const sizes = option('--sizes', '1,4,10,45').split(',').map(Number)
const timeoutSeconds = Number(option('--timeout', '1200'))
if (!sizes.length || sizes.some((size) => !(size > 0))) {
  console.error('usage: node scripts/bench-linearity.mjs [DIR] [--sizes 1,4,10,45] [--timeout SECONDS]')
  process.exit(2)
}

function listPages(root) {
  const out = []
  for (const entry of readdirSync(root, {withFileTypes: true})) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) out.push(...listPages(path))
    else if (/\.(md|txt|markdown)$/.test(entry.name)) out.push(path)
  }
  return out.sort()
}

/** Writes whole pages, a blank line between each two, cycling through them until `bytes` is reached. */
function buildFile(path, pages, bytes) {
  const fd = openSync(path, 'w')
  let written = 0
  try {
    for (let i = 0; written < bytes; i++) written += writeSync(fd, pages[i % pages.length]) + writeSync(fd, '\n\n')
  } finally {
    closeSync(fd)
  }
  return written
}

/** One CLI run over `file`: CPU and wall seconds, peak RSS, exit code (null when killed at the timeout). */
function runCli(file) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [...NODE_FLAGS, '--import', REPORTER, BIN, file, '--format', 'json', '--max-size', '100MB', '--timeout', '0', '--max-memory', '4GiB'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    })
    let report = ''
    let stderr = ''
    child.stdio[3].on('data', (chunk) => (report += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    // The reporter cannot speak for a child killed at the timeout: its peak is then read from /proc.
    let polledPeak = 0
    const poll = setInterval(() => {
      try {
        polledPeak = Math.max(polledPeak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024)
      } catch {}
    }, 200)
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(poll)
      clearTimeout(timer)
      const wall = (performance.now() - started) / 1000
      const usage = report ? JSON.parse(report) : {cpu: NaN, maxRss: polledPeak}
      resolve({wall, cpu: usage.cpu, peak: Math.max(usage.maxRss, polledPeak), code, stderr: stderr.trim().split('\n').at(-1) ?? ''})
    })
  })
}

const pages = listPages(dir).map((path) => readFileSync(path, 'utf8'))
if (!pages.length) {
  console.error(`no .md/.txt pages under ${dir}`)
  process.exit(2)
}
console.log(`${pages.length} pages from ${dir}; node ${process.version} ${NODE_FLAGS.join(' ')}; CPU seconds of the whole CLI run (start-up included)`)
console.log(`${'size'.padStart(9)} ${'CPU s'.padStart(8)} ${'wall s'.padStart(8)} ${'s / MB'.padStart(8)} ${'ratio'.padStart(6)} ${'peak RSS'.padStart(10)}`)
const scratch = mkdtempSync(join(tmpdir(), 'unscrape-linearity-'))
let perMbFirst
try {
  for (const size of sizes) {
    const file = join(scratch, `${size}MB.md`)
    const bytes = buildFile(file, pages, size * MB)
    const run = await runCli(file)
    rmSync(file)
    const perMb = run.cpu / (bytes / MB)
    perMbFirst ??= perMb
    const failed = run.code === null ? `  killed after ${timeoutSeconds} s` : run.code !== 0 ? `  exit ${run.code}: ${run.stderr}` : ''
    console.log(
      `${(bytes / MB).toFixed(1).padStart(6)} MB ${run.cpu.toFixed(1).padStart(8)} ${run.wall.toFixed(1).padStart(8)} ${perMb.toFixed(2).padStart(8)} ${(perMb / perMbFirst).toFixed(2).padStart(5)}× ${(run.peak / MB).toFixed(0).padStart(7)} MB${failed}`,
    )
  }
} finally {
  rmSync(scratch, {recursive: true, force: true})
}
