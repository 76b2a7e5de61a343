// State of a write action (a form sent, a button pressed): whether it is under way and the problem
// if the server refused, as useLoader is for reads. `run` ignores a second start while the first
// is still busy (a double click must not send twice), clears the previous problem, and resolves to
// the action's value, or to undefined when the server answered with a problem. Errors that are
// not server answers (a bug, a network failure) are rethrown so they are not hidden as a problem.
// With `forgetSessionOn401` a 401 also forgets the session, as useLoader does, for screens where
// the session may have ended elsewhere (expired, logged out in another tab).
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiError } from '../api/client'
import type { Problem } from '../api/types'
import { forgetSession } from '../session'

export interface Action {
  busy: Ref<boolean>
  problem: ShallowRef<Problem | null>
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>
}

export interface ActionOptions {
  forgetSessionOn401?: boolean
}

export function useAction(options: ActionOptions = {}): Action {
  const busy = ref(false)
  const problem = shallowRef<Problem | null>(null)

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    problem.value = null
    try {
      return await work()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (options.forgetSessionOn401 && error.status === 401) forgetSession()
      problem.value = error.problem
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, problem, run }
}

/** The list a refused document comes back with (a problem's `problems`: one entry per field or
 * day), or undefined when the problem has none. */
export function listedProblems<T>(problem: Problem | null): T[] | undefined {
  return (problem as unknown as { problems?: T[] } | null)?.problems
}
