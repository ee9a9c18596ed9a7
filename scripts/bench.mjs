#!/usr/bin/env node
// `npm run bench -- DIR [--memory N]`: throughput of bare remark-parse (the floor any run pays),
// of unscrape with --jobs 1 and with --jobs = cores, in files/s and MB/s, with peak memory; with
// --memory N, also the peak resident memory of a run over N files made by copying DIR's files.
// It also prints two ceilings: bare parses, and extract() itself, in as many processes as cores.
// Figures are printed, never asserted: tests stay fast and deterministic.
import {spawn} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import remarkParse from 'remark-parse'

import {V8_FLAGS as NODE_FLAGS} from '../bin/v8-flags.js'

const BIN = fileURLToPath(new URL('../bin/unscrape.js', import.meta.url))
const args = process.argv.slice(2)
const dir = args.find((a) => !a.startsWith('--'))
const memoryIndex = args.indexOf('--memory')
const memoryFiles = memoryIndex >= 0 ? Number(args[memoryIndex + 1]) : 0
if (!dir) {
  console.error('usage: npm run bench -- DIR [--memory N]')
  process.exit(2)
}

function listFiles(root) {
  const out = []
  for (const entry of readdirSync(root, {withFileTypes: true})) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(path))
    else if (/\.(md|txt|markdown)$/.test(entry.name)) out.push(path)
  }
  return out.sort()
}

/** Peak resident memory of a child process, read from /proc while it runs (Linux). */
function peakRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}

function runCli(paths, jobs) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [...NODE_FLAGS, BIN, ...paths, '--format', 'jsonl', '--quiet', '--jobs', String(jobs)], {stdio: ['ignore', 'ignore', 'inherit']})
    let peak = 0
    const timer = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 50)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(timer)
      resolve({seconds: (performance.now() - started) / 1000, peak, code})
    })
  })
}

const mb = (bytes) => bytes / 1024 / 1024
const row = (label, files, bytes, seconds, peak) =>
  `${label.padEnd(28)} ${(files / seconds).toFixed(1).padStart(8)} files/s ${(mb(bytes) / seconds).toFixed(2).padStart(7)} MB/s ${seconds.toFixed(1).padStart(7)} s` +
  (peak ? ` ${mb(peak).toFixed(0).padStart(6)} MB peak RSS` : '')

const files = listFiles(dir)

// Child modes for the ceilings below: parse every file once, or extract every `parts`-th file from
// the `part`-th on (read beforehand: no I/O is timed), and print the seconds it took.
if (args.includes('--bare-child')) {
  const processor = unified().use(remarkParse)
  const texts = files.map((f) => readFileSync(f, 'utf8'))
  const started = performance.now()
  for (const text of texts) processor.parse(text)
  console.log(((performance.now() - started) / 1000).toFixed(3))
  process.exit(0)
}
const extractIndex = args.indexOf('--extract-child')
if (extractIndex >= 0) {
  const {extract} = await import('../dist/index.js')
  const [part, parts] = [Number(args[extractIndex + 1]), Number(args[extractIndex + 2])]
  const texts = files.filter((_, i) => i % parts === part).map((f) => readFileSync(f, 'utf8'))
  const started = performance.now()
  for (const text of texts) JSON.stringify(extract(text))
  console.log(((performance.now() - started) / 1000).toFixed(3))
  process.exit(0)
}

/** Seconds each of `count` processes takes when they run side by side, each with `childArgs(i)`. */
function sideBySide(count, childArgs) {
  const self = fileURLToPath(import.meta.url)
  const runs = Array.from({length: count}, (_, i) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, self, dir, ...childArgs(i)], {stdio: ['ignore', 'pipe', 'inherit']})
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', () => resolve(Number(out.trim())))
  }))
  return Promise.all(runs)
}
const bareSideBySide = (count) => sideBySide(count, () => ['--bare-child'])

const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0)
const cores = availableParallelism()
console.log(`${files.length} files, ${mb(bytes).toFixed(1)} MB, ${cores} cores, node ${process.version}`)

// The bare parse runs in a child started with the CLI's V8 flags, so both pay for the same engine.
const [parseSeconds] = await bareSideBySide(1)
console.log(row('bare remark-parse (1 core)', files.length, bytes, parseSeconds, 0))

const one = await runCli([dir], 1)
console.log(row('unscrape --jobs 1', files.length, bytes, one.seconds, one.peak))
const many = await runCli([dir], cores)
console.log(row(`unscrape --jobs ${cores}`, files.length, bytes, many.seconds, many.peak))
console.log(`--jobs 1 reaches ${((parseSeconds / one.seconds) * 100).toFixed(0)}% of bare-parse throughput (process start and file reading included); --jobs ${cores} is ${(one.seconds / many.seconds).toFixed(2)}× --jobs 1`)

// What the machine itself allows: the same parse in separate processes, alone and side by side.
// One alone also gets the idle core for V8's background threads (compilers, and collectors where
// the flags leave them on), and the cores share caches and memory: this is about the most --jobs
// can gain.
const alone = parseSeconds
const together = await bareSideBySide(cores)
const ceiling = (cores * alone) / Math.max(...together)
console.log(`ceiling: ${cores} bare parses side by side run ${ceiling.toFixed(2)}× one alone (${alone.toFixed(1)} s alone, ${together.map((t) => t.toFixed(1)).join(' / ')} s together)`)
// The same for unscrape's own work: extract() over all files in one process, then over a share
// each in `cores` processes side by side — no threads, no messages, no I/O, no shared heap. What
// this reads is what --jobs could reach if its workers cost nothing at all.
const [extractAlone] = await sideBySide(1, () => ['--extract-child', '0', '1'])
const extractShares = await sideBySide(cores, (i) => ['--extract-child', String(i), String(cores)])
console.log(`ceiling: extract() in ${cores} processes, a share each, runs ${(extractAlone / Math.max(...extractShares)).toFixed(2)}× one process over all files (${extractAlone.toFixed(1)} s alone, ${extractShares.map((t) => t.toFixed(1)).join(' / ')} s side by side)`)

if (memoryFiles > 0) {
  const scratch = mkdtempSync(join(tmpdir(), 'unscrape-bench-'))
  try {
    for (let i = 0; i < memoryFiles; i++) {
      const sub = join(scratch, String(Math.floor(i / 1000)).padStart(3, '0'))
      if (i % 1000 === 0) mkdirSync(sub)
      copyFileSync(files[i % files.length], join(sub, `${String(i).padStart(6, '0')}.md`))
    }
    const scaledBytes = Array.from({length: memoryFiles}, (_, i) => statSync(files[i % files.length]).size).reduce((a, b) => a + b, 0)
    const big = await runCli([scratch], cores)
    console.log(row(`${memoryFiles} files, --jobs ${cores}`, memoryFiles, scaledBytes, big.seconds, big.peak))
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}
