#!/usr/bin/env node
// `npm run bench -- [DIR] [--repeat N] [--memory SMALL,LARGE] [--memory-bytes B] [--no-memory] [--no-html] [--ceilings]`
// `npm run bench -- [DIR] --linearity [--sizes 1,4,10,45]`: only scripts/bench-linearity.mjs (one long
// file of DIR's pages at each size: CPU seconds per MB against the smallest, peak RSS).
//
// Everything is measured side by side in one run, because this machine is shared and its speed
// drifts by 10-20 % between hours: each comparison alternates its two sides `--repeat` times (2)
// and prints every ratio, so a reader sees the spread. DIR defaults to ../shared/corpus/dev.
//
//  1. Launch paths: `node bin/unscrape.js` (re-runs itself with the V8 flags), `npx unscrape`, and
//     `node <flags> bin/unscrape.js` (no re-run), all `--jobs 1` over DIR.
//  2. `--jobs 1` against the bare remark-parse of the same files (parse only, files read first).
//  3. `--jobs N` (N = cores) against the N-process ceiling: N `--jobs 1` processes, each over 1/N of
//     the files, started at once; the ceiling's time is the slowest of them.
//  4. Peak resident memory of `--jobs N` over SMALL and LARGE files copied from DIR (2,000, 20,000),
//     each copy cut to its first B bytes at a line end (2,000; 0 copies whole files): what is measured
//     is whether memory grows with the number of files, and 20,000 whole copies took 47 minutes at
//     load 10-16.
//  5. HTML: unscrape `--input-format html` against Mozilla Readability + jsdom, one process each,
//     one core, over DIR's original pages (*/source.html.gz, unpacked first).
// With --ceilings, also the ceilings of earlier rounds: bare parses side by side, extract() alone.
// `npm run bench -- --dialects [CORPUS]` instead: extract() on the same pages as each converter wrote
// them, CORPUS/dev against every CORPUS/dialects/<name> (scripts/bench-dialects.mjs).
//
// Wall time, CPU time (user + system of the whole process tree, from the shell's `times`) and the
// peak resident memory of the tree (sampled from /proc every 50 ms; Linux) for every run. Figures
// are printed, never asserted: tests stay fast and deterministic. Each target of issue 18 is printed
// as a ratio with PASS or FAIL (on the median over the rounds), and every run with the machine's load
// (the 1-minute load average when it ended): on a shared machine wall-time ratios mean little above
// a load of about the number of cores; the CPU figures hold up better.
import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {V8_FLAGS} from '../bin/v8-flags.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin/unscrape.js')
const SELF = fileURLToPath(import.meta.url)
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const dir = args.find((a, i) => !a.startsWith('--') && !['--repeat', '--memory', '--memory-bytes', '--files'].includes(args[i - 1])) ?? join(ROOT, '../shared/corpus/dev')
const repeat = Number(option('--repeat', '2'))
const [memorySmall, memoryLarge] = option('--memory', '2000,20000').split(',').map(Number)
const memoryBytes = Number(option('--memory-bytes', '2000'))
const cores = availableParallelism()

if (args.includes('--dialects')) {
  const rest = args.filter((a) => a !== '--dialects')
  const child = spawn(process.execPath, [...V8_FLAGS, join(ROOT, 'scripts/bench-dialects.mjs'), ...rest], {stdio: 'inherit'})
  const code = await new Promise((resolve) => child.on('exit', resolve))
  process.exit(code ?? 1)
}

function listFiles(root, pattern) {
  const out = []
  for (const entry of readdirSync(root, {withFileTypes: true})) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(path, pattern))
    else if (pattern.test(entry.name)) out.push(path)
  }
  return out.sort()
}

// ---- Child modes: the work the bench times in a process of its own. --------------------------------

/** Parses every file of a list once with bare remark-parse (files read first); prints its seconds. */
async function bareParseChild(listFile) {
  const {unified} = await import('unified')
  const {default: remarkParse} = await import('remark-parse')
  const processor = unified().use(remarkParse)
  const texts = readFileSync(listFile, 'utf8').split('\n').filter(Boolean).map((f) => readFileSync(f, 'utf8'))
  const started = performance.now()
  for (const text of texts) processor.parse(text)
  console.log(((performance.now() - started) / 1000).toFixed(3))
}

/** extract() over every file of a list (files read first); prints its seconds. */
async function extractChild(listFile) {
  const {extract} = await import('../dist/index.js')
  const texts = readFileSync(listFile, 'utf8').split('\n').filter(Boolean).map((f) => readFileSync(f, 'utf8'))
  const started = performance.now()
  for (const text of texts) JSON.stringify(extract(text))
  console.log(((performance.now() - started) / 1000).toFixed(3))
}

/** Readability + jsdom over every page of a list, read one at a time, one JSON line out each. */
async function readabilityChild(listFile) {
  const {JSDOM, VirtualConsole} = await import('jsdom')
  const {Readability} = await import('@mozilla/readability')
  const quiet = new VirtualConsole() // pages' CSS that jsdom cannot parse would otherwise be logged
  for (const file of readFileSync(listFile, 'utf8').split('\n').filter(Boolean)) {
    const dom = new JSDOM(readFileSync(file, 'utf8'), {url: 'https://example.org/article', virtualConsole: quiet})
    const article = new Readability(dom.window.document).parse()
    process.stdout.write(JSON.stringify({file, title: article?.title ?? null, text: article?.textContent ?? null}) + '\n')
    dom.window.close()
  }
}

if (args.includes('--linearity')) {
  const linearity = spawn(process.execPath, [join(ROOT, 'scripts/bench-linearity.mjs'), ...args.filter((a) => a !== '--linearity')], {stdio: 'inherit'})
  process.exit(await new Promise((resolve) => linearity.on('close', (code) => resolve(code ?? 1))))
}

const childMode = {'--bare-parse-child': bareParseChild, '--extract-child': extractChild, '--readability-child': readabilityChild}
for (const [flag, run] of Object.entries(childMode)) {
  if (args[0] === flag) {
    await run(args[1])
    process.exit(0)
  }
}

// ---- Measuring a run. -----------------------------------------------------------------------------

/** Resident memory of a process and all its descendants now, in bytes (Linux; 0 elsewhere). */
function treeRss(pid) {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    return rss + children.reduce((sum, child) => sum + treeRss(Number(child)), 0)
  } catch {
    return 0
  }
}

/**
 * Runs `command` (an argv) through `sh`, whose `times` gives the CPU time of everything it started
 * (children and their children, worker threads included). Resolves to wall seconds, CPU seconds,
 * the peak resident memory of the tree, the exit code and stdout when asked for.
 */
function measure(command, {keepStdout = false, cwd = ROOT} = {}) {
  return new Promise((resolve, reject) => {
    const script = '"$@" 3>&-; status=$?; times >&3; exit $status'
    const started = performance.now()
    const child = spawn('sh', ['-c', script, 'sh', ...command], {cwd, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'inherit', 'pipe']})
    let stdout = ''
    let times = ''
    child.stdout?.on('data', (chunk) => (stdout += chunk))
    child.stdio[3].on('data', (chunk) => (times += chunk))
    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 50)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(sampler)
      const seconds = (performance.now() - started) / 1000
      // `times`: the shell's own user and system time, then its children's: "0m1.234s 0m0.056s".
      const childLine = times.trim().split('\n').at(-1) ?? ''
      const cpu = [...childLine.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0)
      resolve({seconds, cpu, peak, code, stdout, load: loadavg()[0]})
    })
  })
}

const node = (...rest) => [process.execPath, ...rest]
const flagged = (...rest) => [process.execPath, ...V8_FLAGS, ...rest]
const mb = (bytes) => bytes / 1024 / 1024
const fmt = (x, digits = 2) => x.toFixed(digits)
const range = (values, digits = 2) => (values.length === 1 ? fmt(values[0], digits) : `${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)}`)
const row = (label, files, bytes, r) =>
  `  ${label.padEnd(34)} ${fmt(r.seconds, 1).padStart(6)} s ${fmt(files / r.seconds, 1).padStart(7)} files/s ${fmt(mb(bytes) / r.seconds).padStart(6)} MB/s ` +
  `${fmt(r.cpu, 1).padStart(6)} CPU-s ${r.peak ? `${fmt(mb(r.peak), 0).padStart(5)} MB peak` : ''}  load ${fmt(r.load ?? loadavg()[0], 1)}${r.code ? `  (exit ${r.code})` : ''}`

/** The median of some ratios. */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
/** A target's verdict on the median of its ratios. */
const verdict = (values, pass) => (pass(median(values)) ? 'PASS' : 'FAIL')
/** The load over a set of runs, for the line that sums them up. */
const loads = (runs) => `load ${range(runs.map((r) => r.load), 1)}`

const scratch = mkdtempSync(join(tmpdir(), 'unscrape-bench-'))
const listOf = (name, files) => {
  const path = join(scratch, `${name}.list`)
  writeFileSync(path, files.join('\n') + '\n')
  return path
}
const cliArgs = (inputs, jobs, extra = []) => [...inputs, '--format', 'jsonl', '--quiet', '--jobs', String(jobs), ...extra]

try {
  const files = listFiles(dir, /\.(md|txt|markdown)$/)
  if (files.length === 0) throw new Error(`no .md, .txt or .markdown files under ${dir}`)
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0)
  console.log(`${files.length} files, ${fmt(mb(bytes), 1)} MB under ${dir}; ${cores} cores, node ${process.version}, repeat ${repeat}`)
  console.log(`V8 flags: ${V8_FLAGS.join(' ')}; load at the start ${loadavg().map((l) => fmt(l, 1)).join(', ')} (1, 5, 15 min)\n`)

  // 1. Launch paths, and 2. --jobs 1 against the bare parse.
  console.log('1. Launch paths, --jobs 1 over all files (the flags given: no re-run; node bin: one re-run; npx: npm, then one re-run)')
  const launch = {given: [], node: [], npx: []}
  const bare = []
  for (let round = 0; round < repeat; round++) {
    const parse = await measure(flagged(SELF, '--bare-parse-child', listOf('all', files)), {keepStdout: true})
    bare.push(Number(parse.stdout.trim()))
    for (const [name, command] of [
      ['given', flagged(BIN, ...cliArgs([dir], 1))],
      ['node', node(BIN, ...cliArgs([dir], 1))],
      ['npx', ['npx', '--no', '--', 'unscrape', ...cliArgs([dir], 1)]],
    ]) {
      const result = await measure(command)
      launch[name].push(result)
      console.log(row(`${name === 'given' ? 'node <flags> bin/unscrape.js' : name === 'node' ? 'node bin/unscrape.js' : 'npx unscrape'} #${round + 1}`, files.length, bytes, result))
    }
  }
  const ratios = (a, b, key = 'seconds') => a.map((r, i) => b[i][key] / r[key])
  const within5 = (x) => x >= 0.95 && x <= 1.05
  const npxWall = ratios(launch.node, launch.npx)
  const npxCpu = ratios(launch.node, launch.npx, 'cpu')
  console.log(`  TARGET npx / node bin within 5 %: wall ${range(npxWall)}× ${verdict(npxWall, within5)}, CPU ${range(npxCpu)}× ${verdict(npxCpu, within5)} (${loads([...launch.node, ...launch.npx])})`)
  console.log(`  node bin / flags given (the re-run's cost): wall ${range(ratios(launch.given, launch.node))}×, CPU ${range(ratios(launch.given, launch.node, 'cpu'))}×`)
  console.log('\n2. --jobs 1 against the bare remark-parse of the same files (one core, files read first, no start-up)')
  console.log(`  bare parse ${range(bare, 1)} s; unscrape --jobs 1 (flags given, start-up and reading included) ${range(launch.given.map((r) => r.seconds), 1)} s`)
  const overBare = bare.map((b, i) => b / launch.given[i].seconds)
  console.log(`  TARGET --jobs 1 ≥ 1.0× the bare parse's throughput: ${range(overBare)}× ${verdict(overBare, (x) => x >= 1)} (${loads(launch.given)})`)

  // 3. --jobs N against N processes over 1/N of the files each.
  console.log(`\n3. --jobs ${cores} against the ${cores}-process ceiling (${cores} × --jobs 1 over 1/${cores} of the files each, at once)`)
  const shares = Array.from({length: cores}, (_, part) => files.filter((_, i) => i % cores === part))
  const pool = []
  const ceiling = []
  for (let round = 0; round < repeat; round++) {
    const many = await measure(flagged(BIN, ...cliArgs(files, cores)))
    pool.push(many)
    console.log(row(`unscrape --jobs ${cores} #${round + 1}`, files.length, bytes, many))
    const started = performance.now()
    const parts = await Promise.all(shares.map((share) => measure(flagged(BIN, ...cliArgs(share, 1)))))
    const together = {seconds: (performance.now() - started) / 1000, cpu: parts.reduce((s, p) => s + p.cpu, 0), peak: parts.reduce((s, p) => s + p.peak, 0), code: 0, load: loadavg()[0]}
    ceiling.push(together)
    console.log(row(`${cores} × --jobs 1 at once #${round + 1}`, files.length, bytes, together) + `  (${parts.map((p) => fmt(p.seconds, 1)).join(' / ')} s)`)
  }
  const overCeiling = pool.map((p, i) => ceiling[i].seconds / p.seconds)
  const overCeilingCpu = pool.map((p, i) => ceiling[i].cpu / p.cpu)
  console.log(`  TARGET --jobs ${cores} ≥ 0.92× the ${cores}-process ceiling: wall ${range(overCeiling)}× ${verdict(overCeiling, (x) => x >= 0.92)} (${loads([...pool, ...ceiling])})`)
  console.log(`    by CPU (the ceiling's CPU over --jobs ${cores}'s, what the wall ratio tends to on an idle machine): ${range(overCeilingCpu)}×; --jobs ${cores} is ${range(launch.given.map((g, i) => g.seconds / pool[i].seconds))}× --jobs 1 by wall; CPU --jobs ${cores} / --jobs 1: ${range(pool.map((p, i) => p.cpu / launch.given[i].cpu))}×`)

  if (args.includes('--ceilings')) {
    const alone = await measure(flagged(SELF, '--extract-child', listOf('all', files)), {keepStdout: true})
    const side = await Promise.all(shares.map((share, i) => measure(flagged(SELF, '--extract-child', listOf(`share${i}`, share)), {keepStdout: true})))
    const aloneSeconds = Number(alone.stdout)
    const sideSeconds = side.map((s) => Number(s.stdout))
    console.log(`  extract() alone ${fmt(aloneSeconds, 1)} s; ${cores} processes a share each ${sideSeconds.map((s) => fmt(s, 1)).join(' / ')} s: ${fmt(aloneSeconds / Math.max(...sideSeconds))}×`)
    const bareSide = await Promise.all(shares.map(() => measure(flagged(SELF, '--bare-parse-child', listOf('all', files)), {keepStdout: true})))
    console.log(`  ${cores} bare parses of all files side by side: ${fmt((cores * bare[0]) / Math.max(...bareSide.map((s) => Number(s.stdout))))}× one alone`)
  }

  // 4. Memory at two sizes, copies of DIR's files in folders of 1,000.
  if (!args.includes('--no-memory')) {
    const cut = memoryBytes > 0 ? `each cut to its first ${memoryBytes} bytes at a line end` : 'whole'
    console.log(`\n4. Peak resident memory, --jobs ${cores}, over copies of the files (${cut}) in folders of 1,000`)
    // The files' first bytes, up to the last line end within `memoryBytes` (whole files with 0).
    const contents = files.map((f) => {
      const text = readFileSync(f)
      if (memoryBytes <= 0 || text.length <= memoryBytes) return text
      const end = text.lastIndexOf(0x0a, memoryBytes)
      return text.subarray(0, end > 0 ? end + 1 : memoryBytes)
    })
    const peaks = []
    for (const count of [memorySmall, memoryLarge]) {
      const copies = join(scratch, `copies-${count}`)
      let copiedBytes = 0
      for (let i = 0; i < count; i++) {
        const sub = join(copies, String(Math.floor(i / 1000)).padStart(3, '0'))
        if (i % 1000 === 0) mkdirSync(sub, {recursive: true})
        writeFileSync(join(sub, `${String(i).padStart(6, '0')}.md`), contents[i % files.length])
        copiedBytes += contents[i % files.length].length
      }
      const result = await measure(flagged(BIN, ...cliArgs([copies], cores)))
      peaks.push(result.peak)
      console.log(row(`${count} files, --jobs ${cores}`, count, copiedBytes, result))
      rmSync(copies, {recursive: true, force: true})
    }
    const growth = (peaks[1] / peaks[0] - 1) * 100
    console.log(`  TARGET peak RSS at ${memoryLarge} files < 300 MB: ${fmt(mb(peaks[1]), 0)} MB ${mb(peaks[1]) < 300 ? 'PASS' : 'FAIL'}`)
    console.log(`  TARGET at most 10 % above ${memorySmall} files (${fmt(mb(peaks[0]), 0)} MB): ${fmt(growth, 1)} % ${growth <= 10 ? 'PASS' : 'FAIL'}`)
  }

  // 5. HTML: the original pages, unpacked.
  if (!args.includes('--no-html')) {
    const sources = listFiles(dir, /^source\.html\.gz$/)
    if (sources.length) {
      const pages = join(scratch, 'pages')
      mkdirSync(pages)
      let htmlBytes = 0
      const pageFiles = sources.map((source, i) => {
        const page = join(pages, `${String(i).padStart(4, '0')}-${source.split('/').at(-2)}.html`)
        const html = gunzipSync(readFileSync(source))
        htmlBytes += html.length
        writeFileSync(page, html)
        return page
      })
      console.log(`\n5. HTML: ${pageFiles.length} original pages, ${fmt(mb(htmlBytes), 1)} MB; one process, one core each, start-up included`)
      const html = {unscrape: [], readability: []}
      for (let round = 0; round < repeat; round++) {
        const ours = await measure(flagged(BIN, ...cliArgs([pages], 1, ['--input-format', 'html', '--include', '*.html'])))
        html.unscrape.push(ours)
        console.log(row(`unscrape --input-format html #${round + 1}`, pageFiles.length, htmlBytes, ours))
        const theirs = await measure(node(SELF, '--readability-child', listOf('pages', pageFiles)))
        html.readability.push(theirs)
        console.log(row(`Readability + jsdom #${round + 1}`, pageFiles.length, htmlBytes, theirs))
      }
      const overReadability = ratios(html.unscrape, html.readability)
      console.log(`  TARGET ≥ 3× Readability + jsdom: wall ${range(overReadability)}× ${verdict(overReadability, (x) => x >= 3)}, CPU ${range(ratios(html.unscrape, html.readability, 'cpu'))}× (${loads([...html.unscrape, ...html.readability])})`)
    }
  }
} finally {
  rmSync(scratch, {recursive: true, force: true})
}
