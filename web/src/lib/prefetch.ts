// Starts a page's data request while the router is still downloading the page's code, so a phone
// on a slow line waits for one round trip instead of two in a row. The page then takes the
// request that is already on its way (or makes its own when none is, or when it is too old to
// trust).
const MAX_AGE_MS = 10_000

interface Pending {
  promise: Promise<unknown>
  started: number
}

const pending = new Map<string, Pending>()

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  const existing = pending.get(key)
  if (existing && performance.now() - existing.started < MAX_AGE_MS) return
  const promise = load()
  // A failure is reported to the page when it takes the request, not here.
  promise.catch(() => undefined)
  pending.set(key, { promise, started: performance.now() })
}

export function takePrefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const existing = pending.get(key)
  pending.delete(key)
  if (existing && performance.now() - existing.started < MAX_AGE_MS) return existing.promise as Promise<T>
  return load()
}

/** The key of a procedure page's data: its code and the agency whose local terms apply. */
export function procedureKey(code: string, agencyId: string): string {
  return `procedure:${code}:${agencyId}`
}
