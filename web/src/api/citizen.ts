// Typed functions for the citizen routes: drafts of online submissions, paper uploads, the
// satisfaction rating and feedback on regulations (server: src/api/citizen_routes.cpp).
import { apiRequest } from './client'
import type { ChannelName, DossierDetail } from './types'

const segment = encodeURIComponent

export interface Applicant {
  name: string
  id_number: string
  address: string
  phone: string
  email: string
}

export interface OneStopUnit {
  id: string
  agency_id: string
  name: string
  name_en: string
  address: string
}

export interface UploadedPaper {
  id: string
  /** The catalog paper of the dossier's case (document.cases[].papers[].id); '' for free text. */
  paper_id: string
  paper_name: string
  file_name: string
  content_type: string
  size: number
  download_url: string
  dossier_version: number
}

/** A paper as the dossier document lists it. */
export interface DossierPaper {
  id: string
  /** The catalog paper of the dossier's case; '' for a paper named in free text. */
  paper_id?: string
  paper_name: string
  file_name: string
  content_type?: string
  size: number
  uploaded_at: string
  uploaded_by?: string
  /** The uploader's name (officials' view); null when unknown. */
  uploaded_by_name?: string | null
  /** The applicant's stored paper it was taken from without an upload; absent for an upload. */
  reused_from?: string
}

/** A paper the applicant is asked to upload (components/citizen/PaperUploads.vue). */
export interface ExpectedPaper {
  /** The catalog paper's id; absent for a paper named in free text. */
  id?: string
  name: string
  mandatory: boolean
  /** The situation in which it is asked for ("Trường hợp ủy quyền"), shown muted. */
  condition?: string | null
}

export type CitizenDossier = DossierDetail & { papers?: DossierPaper[] }

export type Attitude = 'courteous' | 'discourteous' | 'harassing'

export interface Rating {
  overall: number
  contacts: number
  bodies: number
  attitude: Attitude
  points: { contacts: number; bodies: number; attitude: number }
  comment: string
  rated_at: string
}

export interface RatingState {
  dossier_id: string
  rated: boolean
  may_rate: boolean
  rating: Rating | null
}

export interface NewRating {
  overall: number
  contacts: number
  bodies: number
  attitude: Attitude
  comment: string
}

export type FeedbackStatus =
  | 'received'
  | 'info_requested'
  | 'rejected'
  | 'forwarded'
  | 'held_for_review'
  | 'answered'
  | 'published'
export type FeedbackStep = 'reject' | 'ask' | 'forward' | 'answer' | 'publish'

// One step's time limit on the working calendar; `due` is '' while the answer's clock is paused.
export interface FeedbackDeadline {
  step: FeedbackStep
  due: string
  done_at: string
  open: boolean
  late: boolean
  due_soon: boolean
}

export interface Feedback {
  id?: string
  code: string
  status: FeedbackStatus
  procedure_code: string
  procedure_name: string
  agency_id: string
  agency_name: string
  content: string
  received_at: string
  answer_due: string
  answer: string | null
  legal_reference: string | null
  answered_at: string | null
  name?: string
  contact?: string
  channel: string
  kind: string
  reject_reason: string
  rejected_at: string
  info_request: string
  info_requested_at: string
  info_supplied_at: string
  forwarded_at: string
  forward_target: string
  forwarded_from: string
  published_at: string
  rating: '' | 'satisfied' | 'unsatisfied'
  rating_comment: string
  rated_at: string
  late: boolean
  deadlines: FeedbackDeadline[]
  // Only for officials, while an answer waits for a leader's review.
  held_answer?: FeedbackHeldAnswer
}


// An answer the generic-answer detector held (server: src/app/engagement/feedback_review.hpp).
export interface FeedbackHeldAnswer {
  answer: string
  legal_reference: string
  answered_by: string
  held_at: string
  reasons: { code: 'too_similar_to' | 'boilerplate' | 'does_not_address_regulation'; detail: string; score: number }[]
}

export interface NewFeedback {
  name: string
  contact: string
  procedure_code: string
  content: string
  agency_id?: string
}

export function oneStopUnits(): Promise<OneStopUnit[]> {
  return apiRequest('/one-stop-units')
}

export function createDraft(input: {
  procedure_code: string
  agency_id: string
  receiving_unit_id: string
  variant: string
  applicant: Applicant
  return_channel: ChannelName
}): Promise<CitizenDossier> {
  return apiRequest('/dossiers', { method: 'POST', body: { ...input, channel: 'online', submit: false } })
}

export function getCitizenDossier(id: string): Promise<CitizenDossier> {
  return apiRequest(`/dossiers/${segment(id)}`)
}

export function updateDraft(
  id: string,
  changes: { version: number; variant?: string; applicant?: Applicant; return_channel?: ChannelName; reason?: string },
): Promise<CitizenDossier> {
  return apiRequest(`/dossiers/${segment(id)}`, { method: 'PUT', body: changes })
}

export function discardDraft(id: string, version: number): Promise<{ id: string; status: string }> {
  return apiRequest(`/dossiers/${segment(id)}?version=${version}`, { method: 'DELETE' })
}

/** Uploads `file` as the catalog paper `paper.id` (its name is looked up by the server), or as a
 * paper named in free text (a supplement request's item) when it has no id. */
export function uploadPaper(id: string, paper: { id?: string; name: string }, file: File): Promise<UploadedPaper> {
  const headers: Record<string, string> = {}
  if (file.name) headers['X-File-Name'] = encodeURIComponent(file.name)
  const which = paper.id ? `paper_id=${encodeURIComponent(paper.id)}` : `name=${encodeURIComponent(paper.name)}`
  return apiRequest(`/dossiers/${segment(id)}/papers?${which}`, {
    method: 'POST',
    raw: { data: file, contentType: file.type || 'application/octet-stream' },
    headers,
  })
}

export function submitDraft(id: string): Promise<CitizenDossier> {
  return apiRequest(`/dossiers/${segment(id)}/submit`, { method: 'POST', body: {} })
}

export function provideSupplement(id: string, documents: string[]): Promise<CitizenDossier> {
  return apiRequest(`/dossiers/${segment(id)}/provide-supplement`, { method: 'POST', body: { documents } })
}

export function getRating(id: string): Promise<RatingState> {
  return apiRequest(`/dossiers/${segment(id)}/rating`)
}

export function rateDossier(id: string, rating: NewRating): Promise<RatingState> {
  return apiRequest(`/dossiers/${segment(id)}/rating`, { method: 'POST', body: rating })
}

export function sendFeedback(input: NewFeedback): Promise<Feedback> {
  return apiRequest('/feedback', { method: 'POST', body: input })
}

export function feedbackStatus(code: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(code)}`)
}

export function feedbackQueue(status: '' | FeedbackStatus): Promise<Feedback[]> {
  return apiRequest(status ? `/feedback?status=${status}` : '/feedback')
}

export function answerFeedback(id: string, answer: string, legalReference: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(id)}/answer`, { method: 'POST', body: { answer, legal_reference: legalReference } })
}

/** What an applicant wants to be told, and how (GET/PUT /me/notification-preferences). */
export interface NotificationPreferences {
  mail: boolean
  sms: boolean
  zalo: boolean
  /** Received, result ready, returned: the law's notices (supplement, refusal, apology, fee) always go. */
  optional_notices: boolean
  language: 'vi' | 'en'
  /** The account's contacts, shown so the applicant sees where notices go. */
  email: string
  phone: string
  updated_at: string | null
}

export type NotificationPreferencesChange = Pick<
  NotificationPreferences,
  'mail' | 'sms' | 'zalo' | 'optional_notices' | 'language'
> & { reason?: string }

export function notificationPreferences(): Promise<NotificationPreferences> {
  return apiRequest('/me/notification-preferences')
}

export function saveNotificationPreferences(change: NotificationPreferencesChange): Promise<NotificationPreferences> {
  return apiRequest('/me/notification-preferences', { method: 'PUT', body: change })
}

/** A paper of the applicant's paper store (kho giấy tờ, Decree 45/2020 Art 16). */
export interface StoredPaper {
  id: string
  /** The catalog paper it is; '' when named in free text. */
  paper_id: string
  name: string
  file_name: string
  content_type: string
  size: number
  sha256: string
  source_dossier_id: string
  source_paper_id: string
  kept_at: string
  valid_until: string | null
  download_url: string
}

export function myPapers(): Promise<{ papers: StoredPaper[] }> {
  return apiRequest('/my/papers')
}

/** "Lưu vào kho giấy tờ của tôi": keeps a paper of one of the applicant's dossiers. */
export function keepPaper(input: { dossier_id: string; paper_id: string; name?: string; valid_until?: string }): Promise<StoredPaper> {
  return apiRequest('/my/papers', { method: 'POST', body: input })
}

export function renameMyPaper(id: string, name: string): Promise<StoredPaper> {
  return apiRequest(`/my/papers/${segment(id)}/rename`, { method: 'POST', body: { name } })
}

export function removeMyPaper(id: string): Promise<{ id: string; removed: boolean }> {
  return apiRequest(`/my/papers/${segment(id)}`, { method: 'DELETE' })
}

/** "Dùng giấy tờ đã lưu": attaches a stored paper to the dossier without another upload. */
export function reusePaper(dossierId: string, storedPaperId: string, paperId?: string): Promise<UploadedPaper> {
  const body: Record<string, string> = { stored_paper_id: storedPaperId }
  if (paperId) body.paper_id = paperId
  return apiRequest(`/dossiers/${segment(dossierId)}/papers/reuse`, { method: 'POST', body })
}

// The feedback lifecycle (server: src/api/feedback_routes.cpp; docs/rules.md section 10).
export interface StaffIntake extends NewFeedback {
  channel: 'letter' | 'phone'
  kind?: string
}

export function enterFeedback(input: StaffIntake): Promise<Feedback> {
  return apiRequest('/feedback/intake', { method: 'POST', body: input })
}

export function rejectFeedback(id: string, reason: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(id)}/reject`, { method: 'POST', body: { reason } })
}

export function requestFeedbackInfo(id: string, request: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(id)}/request-info`, { method: 'POST', body: { request } })
}

export type ForwardTarget = 'agency' | 'partner' | 'portal'

export function forwardFeedback(id: string, target: ForwardTarget, targetId: string, reason: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(id)}/forward`, {
    method: 'POST',
    body: { target, target_id: targetId, reason },
  })
}

export function publishFeedback(id: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(id)}/publish`, { method: 'POST', body: {} })
}

export function supplyFeedbackInfo(code: string, information: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(code)}/supply-info`, { method: 'POST', body: { information } })
}

export function rateFeedbackAnswer(code: string, rating: 'satisfied' | 'unsatisfied', comment: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(code)}/rate`, { method: 'POST', body: { rating, comment } })
}

export function publishedFeedback(query: { q?: string; procedure_code?: string; agency_id?: string }): Promise<Feedback[]> {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
  const text = params.toString()
  return apiRequest(text ? `/feedback/published?${text}` : '/feedback/published')
}

// A leader releases a held answer (it is sent) or returns it to be rewritten; the reason is audited.
export function reviewFeedback(id: string, decision: 'release' | 'return', reason: string): Promise<Feedback> {
  return apiRequest(`/feedback/${segment(id)}/review`, { method: 'POST', body: { decision, reason } })
}
