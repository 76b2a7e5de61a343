// Typed functions for the routes the screens use, one per route.
import { apiRequest } from './client'
import type {
  ActionName,
  CommandBody,
  DossierDetail,
  DossierListItem,
  Lateness,
  OwnDossier,
  Procedure,
  ProcedureSummary,
  SessionInfo,
  TrackingLink,
  Tracking,
} from './types'

const segment = encodeURIComponent

export function searchProcedures(query: string, signal?: AbortSignal): Promise<ProcedureSummary[]> {
  const params = new URLSearchParams({ q: query, limit: '30' })
  return apiRequest(`/procedures?${params}`, signal ? { signal } : {})
}

/** With an agency, its local terms (time limit, rule, fees note, address) replace the catalog's. */
export function getProcedure(code: string, agencyId = ''): Promise<Procedure> {
  const query = agencyId ? `?agency_id=${segment(agencyId)}` : ''
  return apiRequest(`/procedures/${segment(code)}${query}`)
}

// The tracking secret of a dossier, for its applicant and officials (null until it has a code).
export function dossierTrackingLink(id: string): Promise<TrackingLink> {
  return apiRequest(`/dossiers/${segment(id)}/tracking-secret`)
}

// The code alone opens nothing: the server answers only for a code with its tracking secret.
export function trackDossier(code: string, secret: string): Promise<Tracking> {
  return apiRequest(`/track/${segment(code)}?${new URLSearchParams({ secret })}`)
}

// An applicant's own dossiers by ID number and phone (POST, so the numbers stay out of URLs).
export function lookupOwnDossiers(idNumber: string, phone: string): Promise<OwnDossier[]> {
  return apiRequest('/track/lookup', { method: 'POST', body: { id_number: idNumber, phone } })
}

export function logIn(username: string, password: string, code?: string): Promise<SessionInfo> {
  const body = code ? { username, password, code } : { username, password }
  return apiRequest('/session', { method: 'POST', body })
}

export function currentSession(): Promise<SessionInfo> {
  return apiRequest('/session')
}

/** Whether citizens can log in through the identity provider (VNeID), and only through it. */
export interface OidcLogin {
  enabled: boolean
  citizen_login: 'password' | 'oidc-only'
}
export function getOidcLogin(): Promise<OidcLogin> {
  return apiRequest('/auth/oidc')
}

/** The address that starts a login at the identity provider and comes back to `returnPath`. */
export function oidcStartUrl(returnPath: string): string {
  return `/api/v1/auth/oidc/start?return=${encodeURIComponent(returnPath)}`
}

/** Changes one's own password; every old session ends and the answer is the new one. */
export function changePassword(current_password: string, new_password: string): Promise<SessionInfo> {
  return apiRequest('/session/password', { method: 'POST', body: { current_password, new_password } })
}

export function logOut(): Promise<void> {
  return apiRequest('/session', { method: 'DELETE' })
}

export interface QueueFilter {
  lateness?: Lateness | ''
  applicant?: string
  /** Only the dossiers assigned to the caller. */
  mine?: boolean
}

export function workQueue(filter: QueueFilter, signal?: AbortSignal): Promise<DossierListItem[]> {
  const params = new URLSearchParams()
  if (filter.lateness) params.set('lateness', filter.lateness)
  if (filter.applicant?.trim()) params.set('applicant', filter.applicant.trim())
  if (filter.mine) params.set('mine', '1')
  const query = params.toString() ? `?${params}` : ''
  return apiRequest(`/queue${query}`, signal ? { signal } : {})
}

export function myDossiers(): Promise<DossierListItem[]> {
  return apiRequest('/my/dossiers')
}

export function getDossier(id: string): Promise<DossierDetail> {
  return apiRequest(`/dossiers/${segment(id)}`)
}

export function actOnDossier(id: string, action: ActionName, body: CommandBody): Promise<DossierDetail> {
  return apiRequest(`/dossiers/${segment(id)}/${action}`, { method: 'POST', body })
}

// ---- browsing the catalog ----

export interface CatalogFilter {
  field: string
  level: string
  agency: string
}

export interface FacetCount {
  value: string
  count: number
}

export interface CatalogFacets {
  total: number
  fields: FacetCount[]
  levels: FacetCount[]
  agencies: FacetCount[]
}

export interface MostUsedProcedure {
  code: string
  name: string
  dossiers: number
}

function filterParams(filter: CatalogFilter): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['field', 'level', 'agency'] as const) if (filter[key]) params.set(key, filter[key])
  return params
}

export function browseProcedures(filter: CatalogFilter): Promise<ProcedureSummary[]> {
  const params = filterParams(filter)
  params.set('limit', '50')
  return apiRequest(`/procedures?${params}`)
}

export function catalogFacets(filter: CatalogFilter): Promise<CatalogFacets> {
  return apiRequest(`/catalog/facets?${filterParams(filter)}`)
}

export function mostUsedProcedures(): Promise<MostUsedProcedure[]> {
  return apiRequest('/catalog/most-used?limit=8')
}
