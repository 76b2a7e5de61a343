// The administration API: officials and roles, local terms of procedures, the working calendar and
// internal processes. Every change carries a `reason` (the audit log's "why") and, where two
// administrators could collide, the version the editor read.
import { apiRequest } from './client'

function send<T>(method: 'PUT' | 'PATCH' | 'POST' | 'DELETE', path: string, body: unknown): Promise<T> {
  return apiRequest<T>(path, { method, body })
}

const seg = encodeURIComponent

export interface Grant {
  role: string
  agency_id: string
  agency_name?: string
}

export interface Official {
  id: string
  username: string
  display_name: string
  email: string
  phone: string
  disabled: boolean
  version: number
  created_at: string
  grants: Grant[]
}

export interface Agency {
  id: string
  code: string
  name: string
  name_en: string
  kind: string
  parent_id: string | null
}

export function listOfficials(q = ''): Promise<Official[]> {
  return apiRequest(`/admin/users?${new URLSearchParams({ q })}`)
}

export interface NewOfficial {
  username: string
  display_name: string
  temporary_password: string
  email?: string
  grants: Grant[]
  reason: string
}

export function createOfficial(body: NewOfficial): Promise<Official> {
  return send('POST', '/admin/users', body)
}

export function updateOfficial(
  id: string,
  body: { display_name?: string; disabled?: boolean; expected_version: number; reason: string },
): Promise<Official> {
  return send('PATCH', `/admin/users/${seg(id)}`, body)
}

export function changeGrant(id: string, grant: Grant, add: boolean, reason: string): Promise<Official> {
  return send(add ? 'PUT' : 'DELETE', `/admin/users/${seg(id)}/roles/${seg(grant.role)}/${seg(grant.agency_id)}`, {
    reason,
  })
}

/** The agency tree, level by level (roots first). */
export interface PasswordReset {
  official: Official
  /** Shown once to the administrator, who hands it over; the official must change it. */
  temporary_password: string
  generated: boolean
}

/** Resets an official's password (generated when `temporary_password` is empty). */
export function resetPassword(id: string, reason: string, temporary_password = ''): Promise<PasswordReset> {
  return send('POST', `/admin/users/${seg(id)}/password`, temporary_password ? { reason, temporary_password } : { reason })
}

export interface SetupOutcome {
  created: number
  existing: number
  skipped: number
  problems: string[]
}

/** Creates what the province lacks from data/templates: one-stop units or default processes. */
export function setUpFromTemplate(what: 'one-stop-units' | 'processes', province_id: string, reason: string): Promise<SetupOutcome> {
  return send('POST', `/admin/setup/${what}`, { province_id, reason })
}

export async function allAgencies(): Promise<Agency[]> {
  const roots = await apiRequest<Agency[]>('/agencies')
  const children = await Promise.all(roots.map((a) => apiRequest<Agency[]>(`/agencies?parent=${seg(a.id)}`)))
  return [...roots, ...children.flat()]
}

// ---- local terms ----

export type Limits = Partial<Record<'counter' | 'online' | 'post', string>>

export interface TermsPart {
  limits?: Limits
  rule?: string
  receiving_address?: string
}

export interface AgencyTermsRow {
  agency_id: string
  limits: Limits
  rule: string
  fees_note: string
  receiving_address: string
  note: string
  version: number
  updated_by: string
  updated_at: string
}

export interface LocalTermsView {
  code: string
  agency_id: string
  own: AgencyTermsRow | null
  inherited: AgencyTermsRow | null
  catalog: TermsPart
  effective: TermsPart
}

export interface FieldProblem {
  field?: string
  step?: string
  date?: string
  code: string
  message_vi: string
  message_en: string
}

export function getLocalTerms(code: string, agencyId: string): Promise<LocalTermsView> {
  return apiRequest(`/procedures/${seg(code)}/local-terms?${new URLSearchParams({ agency_id: agencyId })}`)
}

export function saveLocalTerms(
  code: string,
  agencyId: string,
  body: Omit<AgencyTermsRow, 'agency_id' | 'version' | 'updated_by' | 'updated_at'> & {
    expected_version: number
    reason: string
  },
): Promise<LocalTermsView> {
  return send('PUT', `/procedures/${seg(code)}/local-terms?${new URLSearchParams({ agency_id: agencyId })}`, body)
}

// ---- calendar ----

export interface CalendarDay {
  date: string
  kind: string
  name: string
  name_en: string
  source: string
  status: string
}

export interface CalendarYear {
  year: number
  source: 'file' | 'database' | 'provisional'
  provisional: boolean
  version: number
  updated_by: string | null
  updated_at: string | null
  weekdays_off: number
  makeup_workdays: number
  days: CalendarDay[]
}

export function calendarYears(): Promise<{ years: CalendarYear[] }> {
  return apiRequest('/calendar/years')
}

export interface YearImportResult {
  year: number
  version: number
  dry_run: boolean
  provisional_before: boolean
  provisional: boolean
  changed_days: { date: string; before: string; after: string }[]
  dossiers_changed: number
  dossiers: { id: string; code: string; due_before: string | null; due_after: string | null }[]
}

export function importYear(
  year: number,
  schedule: Record<string, unknown>,
  options: { expectedVersion: number; reason: string; dryRun: boolean },
): Promise<YearImportResult> {
  const body = { ...schedule, reason: options.reason, expected_version: options.expectedVersion }
  const query = options.dryRun ? '?dry_run=true' : ''
  return send(options.expectedVersion > 0 ? 'PUT' : 'POST', `/calendar/years/${year}${query}`, body)
}

// ---- internal processes ----

export interface ProcessAction {
  kind: string
  target?: string
}

export interface ProcessStep {
  id: string
  name: string
  responsible: { role: string }
  budget: string
  actions: ProcessAction[]
}

export interface ProcessDefinition {
  id: string
  procedure_code: string
  agency_id: string
  version?: number
  legal_limit: string
  steps: ProcessStep[]
  [key: string]: unknown
}

export interface ProcessSummary {
  id: string
  version: number
  procedure_code: string
  procedure_name: string
  agency_id: string
  agency_name: string
  legal_limit: string | null
  steps: number
  updated_by: string
  updated_at: string
}

export function listProcesses(): Promise<ProcessSummary[]> {
  return apiRequest('/processes')
}

export function getProcess(id: string): Promise<ProcessDefinition> {
  return apiRequest(`/processes/${seg(id)}`)
}

export function validateProcess(
  definition: ProcessDefinition,
  signal?: AbortSignal,
): Promise<{ valid: boolean; problems: FieldProblem[] }> {
  return apiRequest('/processes/validate', { method: 'POST', body: definition, ...(signal ? { signal } : {}) })
}

export function saveProcess(definition: ProcessDefinition, reason: string): Promise<ProcessDefinition> {
  return send('PUT', `/processes/${seg(definition.id)}`, { ...definition, reason })
}

// ---- agencies and one-stop units ----

export interface OneStopUnit {
  id: string
  agency_id: string
  name: string
  name_en: string
  address: string
}

export interface AdminAgency extends Agency {
  units: OneStopUnit[]
}

/** Agencies of the administrator's tree matching `q`, each with its one-stop units. */
export function listAdminAgencies(q = ''): Promise<AdminAgency[]> {
  return apiRequest(`/admin/agencies?${new URLSearchParams({ q })}`)
}

/** `expected` holds the values the editor read: the server refuses (409) when they moved. */
export function updateAgency(
  id: string,
  body: {
    name: string
    name_en: string
    code: string
    expected: { name: string; name_en: string; code: string }
    reason: string
  },
): Promise<AdminAgency> {
  return send('PATCH', `/admin/agencies/${seg(id)}`, body)
}

export function createOneStopUnit(body: OneStopUnit & { reason: string }): Promise<OneStopUnit> {
  return send('POST', '/admin/one-stop-units', body)
}

export function updateOneStopUnit(
  id: string,
  body: {
    name: string
    name_en: string
    address: string
    expected: { name: string; name_en: string; address: string }
    reason: string
  },
): Promise<OneStopUnit> {
  return send('PATCH', `/admin/one-stop-units/${seg(id)}`, body)
}

/** One row of the chained audit log (GET /api/v1/admin/audit). */
export interface AuditEntry {
  seq: number
  actor_id: string
  at: string
  action: string
  object: string
  reason: string
  details: Record<string, unknown> | string
}

export interface AuditPage {
  entries: AuditEntry[]
  total: number
  page: number
  per_page: number
}

/** Filters of the audit log: an actor's id, an action (or a family ending in "."), dates. */
export interface AuditFilter {
  actor?: string
  action?: string
  from?: string
  to?: string
  page?: number
}

export function readAuditLog(filter: AuditFilter): Promise<AuditPage> {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') query.set(name, String(value))
  }
  return apiRequest(`/admin/audit?${query}`)
}

/** One topic of the outbox (GET /api/v1/admin/outbox): its partner connection and its queue. */
export interface OutboxTopic {
  topic: string
  configured: boolean
  endpoint: string
  pending: number
  retrying: number
  dead: number
  delivered: number
  cancelled: number
  oldest_pending_age_s: number
}

export type OutboxState = 'pending' | 'retrying' | 'dead' | 'delivered' | 'cancelled'

/** One outbox message: the recipient only, never the payload. */
export interface OutboxMessage {
  id: number
  topic: string
  idempotency_key: string
  recipient: string
  state: OutboxState
  attempts: number
  last_error: string
  partner_ref: string
  created_at: string
  updated_at: string
  cancel_reason: string
}

export async function readOutbox(): Promise<OutboxTopic[]> {
  return (await apiRequest<{ topics: OutboxTopic[] }>('/admin/outbox')).topics
}

export async function listOutboxMessages(filter: { topic?: string; state?: OutboxState; limit?: number }): Promise<OutboxMessage[]> {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') query.set(name, String(value))
  }
  return (await apiRequest<{ messages: OutboxMessage[] }>(`/admin/outbox/messages?${query}`)).messages
}

export function retryOutboxMessage(id: number, reason: string): Promise<OutboxMessage> {
  return send('POST', `/admin/outbox/messages/${id}/retry`, { reason })
}

export function cancelOutboxMessage(id: number, reason: string): Promise<OutboxMessage> {
  return send('POST', `/admin/outbox/messages/${id}/cancel`, { reason })
}
