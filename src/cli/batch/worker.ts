/** A worker thread of the pool (pool.ts): one task in, one result out, for as long as it lives. */
import {parentPort} from 'node:worker_threads'
import {runTask, type Task} from './task.js'

parentPort!.on('message', async (task: Task) => {
  parentPort!.postMessage(await runTask(task))
})
// Loaded: the pool starts a task's clock only from here.
parentPort!.postMessage('ready')
