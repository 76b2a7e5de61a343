// The one place that talks HTTP to /api/v1. Every failure becomes an ApiError carrying an RFC 9457
// problem, so screens only ever show the server's own message (in the current language) or one of
// ours for failures the server could not describe (network down, unreadable reply).
import type { Problem } from './types'

export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.message_en || problem.title)
    this.name = 'ApiError'
    this.problem = problem
  }

  get status(): number {
    return this.problem.status
  }
}

// Problems the client makes itself; their codes are looked up in the i18n messages (problem.*).
function localProblem(code: 'network' | 'bad_response', status: number): Problem {
  return { type: 'about:blank', title: code, status, code, message_vi: '', message_en: '' }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).code === 'string' &&
    typeof (body as Problem).message_vi === 'string' &&
    typeof (body as Problem).message_en === 'string'
  )
}

// The CSRF token of the current session, sent with every unsafe request. Kept here rather than in
// the session store so the client has no dependency on the UI's state.
let csrfToken = ''

export function setCsrfToken(token: string): void {
  csrfToken = token
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON. */
  body?: unknown
  /** Sent as it is (a file upload), with `contentType`; takes the place of `body`. */
  raw?: { data: BodyInit; contentType: string }
  /** Further request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>
  signal?: AbortSignal
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.raw) headers['Content-Type'] = options.raw.contentType
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken

  let response: Response
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.data : options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (error) {
    // An aborted request is the caller's own doing (a newer search replaced it): let it through.
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(localProblem('network', 0))
  }

  if (response.status === 204) return undefined as T
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new ApiError(localProblem('bad_response', response.status))
  }
  if (!response.ok) {
    throw new ApiError(isProblem(body) ? body : localProblem('bad_response', response.status))
  }
  return body as T
}
