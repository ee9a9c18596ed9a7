/**
 * examples/dask/unscrape_dask.py on a real Dask LocalCluster over loopback: one output line per
 * input record, in order, byte for byte what one `unscrape --jsonl-in` process writes. Needs Dask
 * for /usr/bin/python3 (Debian's python3-distributed); without it the tests are skipped with a
 * printed reason, except where CI=true or UNSCRAPE_REQUIRE_DASK=1 (.ci/run), where they fail.
 * Needs `npm run build`.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin/unscrape.js')
const SCRIPT = join(ROOT, 'examples/dask/unscrape_dask.py')
const PYTHON = '/usr/bin/python3'
const required = process.env.CI === 'true' || process.env.UNSCRAPE_REQUIRE_DASK === '1'

const probe = spawnSync(PYTHON, ['-c', 'import dask.bag, distributed'], {encoding: 'utf8'})
const available = probe.status === 0
if (!available && !required) {
  console.warn(`test/dask.test.ts skipped: Dask is not importable by ${PYTHON} (apt-get install python3-distributed); ${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1)}`)
}

const dir = mkdtempSync(join(tmpdir(), 'unscrape-dask-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

/** Records from the fixtures, and the kinds of line a mapper must answer without losing one. */
function inputLines(): string[] {
  const lines: string[] = []
  for (const name of readdirSync(join(ROOT, 'fixtures')).sort().slice(0, 14)) {
    const input = readdirSync(join(ROOT, 'fixtures', name)).find((f) => f.startsWith('input.'))
    if (input) lines.push(JSON.stringify({id: name, text: readFileSync(join(ROOT, 'fixtures', name, input), 'utf8')}))
  }
  // U+2028 and U+0085 (raw in the JSON, as JSON.stringify leaves them) are line ends to Python's
  // str.splitlines(): a reader that used it would cut these records in two.
  lines.splice(3, 0, JSON.stringify({id: 'line\u2028separator\u0085next-line', text: 'A headline\n\nOne\u2028paragraph with a \u0085 and a \r carriage return.\r\n\r\nAnother paragraph.'}))
  lines.splice(7, 0, 'not json at all', '', JSON.stringify({id: 7}), JSON.stringify({id: 'number', text: 42}))
  return lines
}

function runExample(input: string, output: string, extra: string[]) {
  return spawnSync(PYTHON, [SCRIPT, input, output, ...extra], {encoding: 'utf8', timeout: 240_000})
}

describe.skipIf(!available && !required)('the Dask example, on a LocalCluster', () => {
  it('Dask is importable (required in CI)', () => {
    expect(probe.status, `${PYTHON} -c 'import dask.bag, distributed': ${probe.stderr}`).toBe(0)
  })

  it('writes one line per record, in order, as one unscrape --jsonl-in process does', () => {
    const lines = inputLines()
    const input = join(dir, 'records.jsonl')
    writeFileSync(input, lines.join('\n') + '\n')
    const single = spawnSync(process.execPath, [BIN, '--jsonl-in', '--jobs', '1', '--quiet'], {input: readFileSync(input), encoding: 'buffer'})
    expect(single.status).toBe(1) // four records are invalid
    const output = join(dir, 'articles.jsonl')
    // Small partitions: several, with lines cut across them, on two worker processes.
    const result = runExample(input, output, ['--workers', '2', '--partition-mb', '0.04'])
    expect(result.status, result.stderr).toBe(1)
    expect(result.stderr).toMatch(/unscrape_dask: 19 records in [3-9] partitions, 4 failed/)

    const got = readFileSync(output)
    const want = single.stdout
    const split = (bytes: Buffer) => bytes.toString('utf8').split('\n').slice(0, -1)
    expect(split(got)).toHaveLength(lines.length)
    expect(split(got).map((line) => JSON.parse(line).id)).toEqual(split(want).map((line) => JSON.parse(line).id))
    // Byte for byte, except that an invalid line's error names its line in that process's input
    // ("line 3" of its partition where one process says "line 9").
    const anyLine = (bytes: Buffer) => bytes.toString('utf8').replace(/"line \d+: /g, '"line N: ')
    expect(anyLine(got)).toBe(anyLine(want))
    const valid = (bytes: Buffer) => split(bytes).filter((line) => !('error' in JSON.parse(line)))
    expect(valid(got)).toEqual(valid(want))
    expect(valid(got)).toHaveLength(lines.length - 4)
  }, 300_000)

  it('a mapper that dies on a record: that record gets an error record, the rest go on', () => {
    // A stand-in mapper that echoes each record's id and dies (as on a crash) at the id "boom".
    const fake = join(dir, 'fake-mapper.mjs')
    writeFileSync(
      fake,
      `import {createInterface} from 'node:readline'
for await (const line of createInterface({input: process.stdin})) {
  const {id} = JSON.parse(line)
  if (id === 'boom') process.kill(process.pid, 'SIGKILL')
  process.stdout.write(JSON.stringify({id, ok: true}) + '\\n')
}
`,
    )
    const input = join(dir, 'crash.jsonl')
    const ids = ['a', 'b', 'boom', 'c', 'boom', 'd']
    writeFileSync(input, ids.map((id) => JSON.stringify({id, text: 'x'})).join('\n') + '\n')
    const output = join(dir, 'crash-out.jsonl')
    const result = runExample(input, output, ['--workers', '1', '--unscrape', `${process.execPath} ${fake}`])
    expect(result.status, result.stderr).toBe(1)
    const got = readFileSync(output, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(got.map((r) => r.id)).toEqual(ids)
    expect(got.map((r) => (r.error ? 'error' : 'ok'))).toEqual(['ok', 'ok', 'error', 'ok', 'error', 'ok'])
    expect(got[2].error).toMatch(/unscrape ended without answering this record/)
  }, 300_000)
})
