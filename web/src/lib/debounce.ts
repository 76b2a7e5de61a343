// Runs a function once the calls to it pause: typing in a search box sends one request when the
// person stops typing, not one per key (cheap phones, slow connections, a shared server).
export interface Debounced<A extends unknown[]> {
  (...args: A): void
  cancel(): void
}

export function debounce<A extends unknown[]>(run: (...args: A) => void, delayMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const debounced = (...args: A) => {
    clearTimeout(timer)
    timer = setTimeout(() => run(...args), delayMs)
  }
  debounced.cancel = () => clearTimeout(timer)
  return debounced
}
