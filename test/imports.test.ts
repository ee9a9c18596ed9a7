/**
 * The module graph has no cycles: every import in src/ (type-only imports too) points one way, so
 * each module can be read, and tested, after the modules it uses.
 */
import {describe, expect, it} from 'vitest'
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'

const SRC = new URL('../src/', import.meta.url).pathname
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

/** Each module's relative imports, as paths of .ts files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(SRC)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1].replace(/\.js$/, '.ts')))
    graph.set(file, targets)
  }
  return graph
}

/** The first cycle found by a depth-first walk (iterative: no recursion), as module paths. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  for (const root of graph.keys()) {
    if (state.has(root)) continue
    const stack: {node: string; next: number}[] = [{node: root, next: 0}]
    state.set(root, 'open')
    while (stack.length) {
      const top = stack[stack.length - 1]
      const targets = graph.get(top.node) ?? []
      if (top.next >= targets.length) {
        state.set(top.node, 'done')
        stack.pop()
        continue
      }
      const target = targets[top.next++]
      if (state.get(target) === 'open') return [...stack.slice(stack.findIndex((f) => f.node === target)).map((f) => f.node), target]
      if (!state.has(target) && graph.has(target)) {
        state.set(target, 'open')
        stack.push({node: target, next: 0})
      }
    }
  }
  return undefined
}

describe('module graph', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a'])
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeUndefined()
  })

  it('has no circular imports in src/', () => {
    const cycle = findCycle(importGraph())
    expect(cycle?.map((file) => relative(SRC, file))).toBeUndefined()
  })
})
