/** The worker-thread entry for piscina: one task in, one result out. */
import {runTask, type Task, type TaskResult} from './task.js'

export default function work(task: Task): Promise<TaskResult> {
  return runTask(task)
}
