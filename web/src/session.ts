// Who is logged in. The session itself is an HttpOnly cookie the page cannot read; the server
// tells us the user and the CSRF token on login and on GET /api/v1/session.
import { reactive, readonly } from 'vue'
import { ApiError, setCsrfToken } from './api/client'
import { changePassword, currentSession, logIn, logOut } from './api/endpoints'
import type { RoleName, SessionInfo, User } from './api/types'

interface SessionState {
  user: User | null
  /** False until the first GET /session has answered. */
  known: boolean
  /** The password was reset by an administrator: the change screen comes before anything else. */
  mustChangePassword: boolean
  /** A role requires a second factor not enrolled yet: the enrolment screen comes first. */
  mustEnrolSecondFactor: boolean
}

const state = reactive<SessionState>({ user: null, known: false, mustChangePassword: false, mustEnrolSecondFactor: false })

export const session = readonly(state)

function adopt(info: SessionInfo | null): void {
  state.user = info?.user ?? null
  state.mustChangePassword = info?.must_change_password ?? false
  state.mustEnrolSecondFactor = info?.must_enrol_second_factor ?? false
  setCsrfToken(info?.csrf_token ?? '')
  state.known = true
}

let pending: Promise<void> | null = null

/** Asks the server once who we are; later calls share the answer. */
export function ensureSessionKnown(): Promise<void> {
  if (state.known) return Promise.resolve()
  pending ??= currentSession()
    .then(adopt)
    .catch((error: unknown) => {
      // 401 just means "not logged in"; any other failure is treated the same way so the public
      // pages keep working while the server is unreachable.
      if (!(error instanceof ApiError)) console.error(error)
      adopt(null)
    })
  return pending
}

export async function signIn(username: string, password: string, code?: string): Promise<User> {
  const info = await logIn(username, password, code)
  adopt(info)
  return info.user
}

/** The second factor was enrolled: the session may go anywhere again. */
export function secondFactorEnrolled(): void {
  state.mustEnrolSecondFactor = false
}

/** Changes one's own password and adopts the fresh session the server answers. */
export async function changeOwnPassword(current: string, next: string): Promise<void> {
  adopt(await changePassword(current, next))
}

export async function signOut(): Promise<void> {
  try {
    await logOut()
  } finally {
    // Forget the user even if the server was unreachable: the cookie expires on its own.
    adopt(null)
  }
}

/** Called when the server answers 401 to a logged-in page: the session ended elsewhere. */
export function forgetSession(): void {
  adopt(null)
}

export function isOfficial(user: User | null): boolean {
  return !!user && !user.applicant
}

/**
 * Where a user lands after logging in: the screen of their main work. A person with several roles
 * lands on the one that waits on them most (a leader's signatures hold up everyone else's work).
 */
export function homeFor(user: User): string {
  if (user.applicant) return '/my'
  const has = (role: RoleName) => user.roles.some((grant) => grant.role === role)
  if (has('leader')) return '/approvals'
  if (has('reception')) return '/counter'
  if (has('processing')) return '/queue'
  if (has('administrator')) return '/admin'
  return '/queue'
}
