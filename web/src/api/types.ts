// Shapes of the /api/v1 responses the web application reads (docs/api/openapi.json describes the
// routes; the bodies below are what the server renders). Only the fields the screens use are
// listed, so a new server field never breaks the build.
import type { ResultFile } from './results'

/** RFC 9457 problem with the server's messages in both languages. */
export interface Problem {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  message_vi: string
  message_en: string
}

export type RoleName = 'applicant' | 'reception' | 'processing' | 'leader' | 'administrator'

export interface RoleGrant {
  readonly role: RoleName
  readonly agency_id: string
}

export interface User {
  readonly id: string
  readonly display_name: string
  readonly applicant: boolean
  readonly roles: readonly RoleGrant[]
}

export interface SessionInfo {
  user: User
  csrf_token: string
  /** An administrator reset the password: only the change (and logging out) is allowed. */
  must_change_password?: boolean
  /** A role requires a second factor the user has not enrolled: only the enrolment is allowed. */
  must_enrol_second_factor?: boolean
}

export interface ProcedureSummary {
  code: string
  version: number
  name: string
  field: string
  level: string
  /** How the search found it; "suggested": nothing matched, this is one of the nearest names. */
  match?: 'exact' | 'fuzzy' | 'suggested'
}

export type ChannelName = 'counter' | 'online' | 'post'

export interface FeeAmount {
  kind: string
  currency: string
  amount: number
  note: string
}

export interface ProcedureChannel {
  channel: ChannelName
  channel_raw: string
  time: { raw: string; status: string; note: string; limit: string | null }
  fee: { raw: string; status: string; amounts: FeeAmount[] }
  description: string
}

export interface Paper {
  /** Stable identity within the procedure version: uploads refer to a paper by it. */
  id: string
  name: string
  form_files: string[]
  originals: number
  copies: number
  count_raw: string
  mandatory: boolean
  /** `submit`: handed in; `present`: shown at the counter (xuất trình). */
  kind: 'submit' | 'present'
  /** The situation in which the paper is asked for; null when every applicant must provide it. */
  condition: string | null
}

export interface PaperCase {
  name: string
  papers: Paper[]
}

export interface LegalBasis {
  number?: string
  title?: string
  issued?: string
  issuer?: string
}

export interface ProcedureDocument {
  code: string
  name: string
  field: string
  levels: string[]
  applicants: string
  competent_agency: string
  implementing_agency: string
  receiving_address: string
  result: string
  channels: ProcedureChannel[]
  limits: Partial<Record<ChannelName, string>>
  cases: PaperCase[]
  /** Lưu ý: advice printed with the papers (absent in documents imported before notes existed). */
  notes?: string[]
  legal_basis: LegalBasis[]
  detail_url?: string
}

export interface Procedure {
  code: string
  version: number
  name: string
  field: string
  level: string
  document: ProcedureDocument
}

export type DossierStatus =
  | 'draft'
  | 'submitted'
  | 'received'
  | 'refused_at_receipt'
  | 'in_progress'
  | 'awaiting_supplement'
  | 'awaiting_payment'
  | 'withdrawal_requested'
  | 'stopped'
  | 'result_ready'
  | 'returned'

export type Lateness = 'on_time' | 'due_soon' | 'overdue' | 'paused' | 'closed'

/** One row of the work queue or of "my dossiers". */
export interface DossierListItem {
  id: string
  code: string | null
  procedure_code: string
  applicant_name: string
  status: DossierStatus
  assignee_id: string | null
  step: string
  received_at: string | null
  due: string | null
  lateness: Lateness
}

export interface StatusLabels {
  status: DossierStatus
  status_label_vi: string
  status_label_en: string
}

export interface TimelineEntry {
  type: string
  at: string
  from: DossierStatus
  to: DossierStatus
  to_label_vi: string
  to_label_en: string
  role?: string
  actor_id?: string
  data?: Record<string, unknown>
}

export interface Tracking extends StatusLabels {
  code: string
  procedure_name: string
  applicant: string
  submitted_at: string | null
  received_at: string | null
  due: string | null
  finished_at: string | null
  timeline: TimelineEntry[]
  pause: TrackingPause | null
  apology: TrackingApology | null
}

// Why a dossier's clock stands still, as public tracking tells it.
export interface TrackingPause {
  kind: 'supplement' | 'payment' | 'withdrawal'
  since: string
  waiting_vi: string
  waiting_en: string
  reason: string
  missing_items: string[]
  fee_owed: number | null
}

export interface TrackingApology {
  at: string
  reason: string
  new_due: string
}

/** GET /dossiers/{id}/tracking-secret: what the public tracking page asks with the code. */
export interface TrackingLink {
  code: string | null
  tracking_secret: string | null
  tracking_url: string | null
}

// One dossier of POST /track/lookup: nothing personal, only what tracking shows.
export interface OwnDossier extends StatusLabels {
  code: string | null
  tracking_secret: string | null
  procedure_name: string
  submitted_at: string | null
  received_at: string | null
  due: string | null
}

export interface StepUse {
  name: string
  party: string
  /** The official's display name when the party is an official. */
  party_name?: string | null
  started: string
  ended: string | null
  due: string | null
  used_minutes: number
  result: string | null
}

export interface ProcessStep {
  id: string
  name: string
  budget: string
}

export interface DossierDetail extends StatusLabels {
  id: string
  code: string | null
  procedure: { code: string; version: number; name: string; variant: string }
  agency_id: string
  receiving_unit_id: string | null
  channel: ChannelName
  return_channel: ChannelName
  applicant: { name: string; id_number: string; address: string; phone: string; email: string }
  /** The applicant's account logged in through the identity provider (VNeID). */
  applicant_identity_verified?: boolean
  assignee_id: string | null
  step: string
  submitted_at: string | null
  received_at: string | null
  due: string | null
  due_766: string | null
  finished_at: string | null
  terms: {
    limit: string
    rule: string
    channel: ChannelName
    process: { id: string; version: number; steps: ProcessStep[] } | null
  } | null
  missing_items: string[]
  version: number
  timeline: TimelineEntry[]
  control_sheet: StepUse[]
  clock: {
    paused: unknown
    flags: string[]
    /** The hand-over of a paper dossier to the processing agency: its deadline and when it happened. */
    transfer_due?: string | null
    transferred?: string | null
  } | null
  /** The latest fee request; null when none was asked for. */
  fee?: FeeRequest | null
  /** The tracking book's "Quyển số / Số thứ tự" and sets received; null until received. */
  book_number?: { year: number; volume: number; line: number; sets: number } | null
  /** The signed result file (PAdES), once an official attached it; null until then. */
  result_file?: ResultFile | null
}

/** A fee request (phí, lệ phí): amount in whole dong, its reason, and where to pay it. */
export interface FeeRequest {
  amount: number
  description: string
  requested_at: string
  requested_by: { id: string; name: string | null }
  status: 'requested' | 'paid'
  paid_at: string | null
  paid_reference: string | null
  confirmed_by: { id: string; name: string | null } | null
  pay_at: { method: 'counter'; name: string | null; address: string | null }
}

/** The commands of slice 1, by the path segment of POST /api/v1/dossiers/{id}/{segment}. */
export type ActionName =
  | 'accept'
  | 'request-supplement'
  | 'refuse'
  | 'assign'
  | 'forward'
  | 'approve'
  | 'reject'
  | 'return-result'

export interface CommandBody {
  missing_items?: string[]
  reason?: string
  reasons?: string[]
  official_id?: string
  step?: string
  note?: string
  channel?: ChannelName
  receiver_name?: string
}
