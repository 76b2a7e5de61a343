// Loading state for a page's data: the value, whether it is on its way, and the problem if the
// server refused. An answer that arrives after a newer request was made is dropped, so quick
// navigation between two dossiers never shows the first one's data under the second's heading.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiError } from '../api/client'
import type { Problem } from '../api/types'
import { forgetSession } from '../session'

export interface Loader<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  problem: ShallowRef<Problem | null>
  load: () => Promise<void>
}

export function useLoader<T>(fetch: () => Promise<T>): Loader<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const problem = shallowRef<Problem | null>(null)
  let generation = 0

  async function load(): Promise<void> {
    const mine = ++generation
    loading.value = true
    problem.value = null
    try {
      const value = await fetch()
      if (mine === generation) data.value = value
    } catch (error) {
      if (mine !== generation) return
      if (!(error instanceof ApiError)) throw error
      // The session ended elsewhere (expired, logged out in another tab): stop pretending.
      if (error.status === 401) forgetSession()
      data.value = null
      problem.value = error.problem
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return { data, loading, problem, load }
}
