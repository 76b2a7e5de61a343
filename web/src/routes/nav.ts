// A link in the site header's main navigation, shown to the users `visible` accepts. Each area of
// the application (routes/<area>.ts) lists its own routes and links; the router and the header
// put them together, so areas can grow without touching each other's files.
import type { User } from '../api/types'

export interface NavLink {
  to: string
  /** An i18n key, e.g. 'nav.queue'. */
  label: string
  visible: (user: User | null) => boolean
}

export function hasRole(user: User | null, ...roles: string[]): boolean {
  return !!user && user.roles.some((grant) => roles.includes(grant.role))
}
