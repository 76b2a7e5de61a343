// Types and calls of the officers' workspace beyond the shared ones (api/types.ts): the actions
// the server allows, the officials an action can name, counter intake, the tracking book and the
// receipt's QR code.
import type { DossierPaper } from './citizen'
import { apiRequest } from './client'
import type { Consultation } from './consultations'
import type { ChannelName, CommandBody, DossierDetail, DossierListItem, TimelineEntry } from './types'

const segment = encodeURIComponent

/** Every command, by the path segment of POST /api/v1/dossiers/{id}/{segment}. */
export type OfficerAction =
  | 'accept'
  | 'request-supplement'
  | 'refuse'
  | 'assign'
  | 'forward'
  | 'send-back'
  | 'consult'
  | 'reply-consultation'
  | 'request-payment'
  | 'confirm-payment'
  | 'apology'
  | 'approve'
  | 'reject'
  | 'return-result'
  | 'request-withdrawal'
  | 'cancel-withdrawal'
  | 'stop'
  | 'submit'
  | 'provide-supplement'

export interface WorkspaceTimelineEntry extends TimelineEntry {
  actor_name?: string | null
  /** Why, as the log recorded it (e.g. the reason for acting outside the internal process). */
  reason?: string
  /** A fact recorded in the log (a paper upload), not a step of the state machine. */
  fact?: boolean
}

export interface ReceivedPaper {
  name: string
  originals: number
  copies: number
}

export interface AgencyInfo {
  id: string
  code: string
  name: string
  name_en: string
  parent_name: string
}

export interface UnitInfo {
  id: string
  name: string
  name_en: string
  address: string
  agency_name: string
}

export interface WorkspaceDossier extends Omit<DossierDetail, 'timeline'> {
  allowed_actions: OfficerAction[]
  /** Of allowed_actions, those outside the internal process (an administrator's override). */
  outside_process?: OfficerAction[]
  /** assign / forward / send-back -> the process steps the hand-over may lead to. */
  step_targets?: Record<string, string[]>
  /** Steps done by a partner MotCua instance's system: a forward there names its account. */
  partner_steps?: Record<string, { official_id: string; name: string }>
  agency: AgencyInfo | null
  receiving_unit: UnitInfo | null
  assignee_name: string | null
  received_by: { id: string; name: string | null } | null
  received_papers: ReceivedPaper[]
  consultations?: Consultation[]
  timeline: WorkspaceTimelineEntry[]
  papers?: DossierPaper[]
}

export interface WorkspaceCommandBody extends CommandBody {
  agency_code?: string
  question?: string
  /** Ids of the dossier's papers the consulted agency may read (consult). */
  shared_papers?: string[]
  summary?: string
  amount?: number
  description?: string
  reference?: string
  new_due?: string
  override_reason?: string
}

export interface QueueRow extends DossierListItem {
  procedure_name?: string
}

export interface Official {
  id: string
  display_name: string
  roles: { role: string; agency_id: string; agency_name: string }[]
}

export interface TrackingBookRow {
  /** The register's "Số thứ tự" in the unit's book for the year; null before numbering began. */
  line: number | null
  volume: number | null
  sets: number
  id: string
  code: string | null
  procedure_code: string
  procedure_name: string
  applicant_name: string
  applicant_address: string
  applicant_phone: string
  agency_name: string
  channel: ChannelName
  return_channel: string
  received_at: string
  due: string | null
  finished_at: string | null
  status: string
  returned: { at: string; receiver_name: string; channel: string } | null
}

export interface TrackingBook {
  unit: { id: string; name: string; address: string; agency_id: string; agency_name: string; parent_name: string }
  from: string
  to: string
  dossiers: TrackingBookRow[]
}

export interface OneStopUnit {
  id: string
  agency_id: string
  name: string
  address: string
}

export interface CounterIntake {
  procedure_code: string
  variant: string
  agency_id: string
  receiving_unit_id: string
  channel: ChannelName
  return_channel: ChannelName
  applicant: { name: string; id_number: string; address: string; phone: string; email: string }
  papers_received: ReceivedPaper[]
  /** "Số lượng hồ sơ": sets of papers handed in, 1..99. */
  sets: number
}

export function getWorkspaceDossier(id: string): Promise<WorkspaceDossier> {
  return apiRequest(`/dossiers/${segment(id)}`)
}

export function act(id: string, action: OfficerAction, body: WorkspaceCommandBody): Promise<WorkspaceDossier> {
  return apiRequest(`/dossiers/${segment(id)}/${action}`, { method: 'POST', body })
}

/** Records the hand-over of a received paper dossier to the processing agency (reception). */
export function transferDossier(id: string, note = ''): Promise<WorkspaceDossier> {
  return apiRequest(`/dossiers/${segment(id)}/transfer`, { method: 'POST', body: note ? { note } : {} })
}

export function listOfficials(agencyId: string, role?: string): Promise<Official[]> {
  const params = new URLSearchParams()
  if (agencyId) params.set('agency_id', agencyId)
  if (role) params.set('role', role)
  return apiRequest(`/officials?${params}`)
}

export function createCounterDossier(intake: CounterIntake): Promise<WorkspaceDossier> {
  return apiRequest('/dossiers', { method: 'POST', body: intake })
}

export function oneStopUnits(): Promise<OneStopUnit[]> {
  return apiRequest('/one-stop-units')
}

export function trackingBook(unit: string, from: string, to: string): Promise<TrackingBook> {
  const params = new URLSearchParams({ unit, from, to })
  return apiRequest(`/tracking-book?${params}`)
}

/** The receipt's QR code: an SVG image of the public tracking address, cached for good. */
/** The server's PDF of a paper of the dossier (form receipt, supplement-request, ...). */
export function dossierPdfUrl(id: string, form: string): string {
  return `/api/v1/dossiers/${segment(id)}/documents/${form}.pdf`
}

/** The tracking book as PDF, with the same filters as trackingBook(). */
export function trackingBookPdfUrl(unit: string, from: string, to: string): string {
  return `/api/v1/tracking-book.pdf?${new URLSearchParams({ unit, from, to })}`
}

export function qrCodeUrl(code: string, secret: string): string {
  return `/api/v1/track/${segment(code)}/qr.svg?${new URLSearchParams({ secret })}`
}

export interface WorkQueueFilter {
  lateness?: string
  applicant?: string
  mine?: boolean
  status?: string
  procedure?: string
}

/** The work queue with the workspace's filters (status and procedure besides the shared ones). */
export function workQueueRows(filter: WorkQueueFilter, signal?: AbortSignal): Promise<QueueRow[]> {
  const params = new URLSearchParams()
  if (filter.lateness) params.set('lateness', filter.lateness)
  if (filter.applicant?.trim()) params.set('applicant', filter.applicant.trim())
  if (filter.mine) params.set('mine', '1')
  if (filter.status) params.set('status', filter.status)
  if (filter.procedure?.trim()) params.set('procedure', filter.procedure.trim())
  const query = params.toString() ? `?${params}` : ''
  return apiRequest(`/queue${query}`, signal ? { signal } : {})
}
