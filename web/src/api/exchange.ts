// The exchange between MotCua instances as officials use it: the questions partner systems put to
// their agencies (GET/POST /api/v1/exchange/questions…) and a dossier's links to partners.
import { apiRequest } from './client'

const segment = encodeURIComponent

export interface PartnerQuestion {
  id: string
  partner_id: string
  partner_name: string
  agency_id: string
  parent_code: string
  procedure_name: string
  question: string
  papers: { name: string; file_name: string; content_type: string; sha256: string; size: number }[]
  received_at: string
  due_at: string
  open: boolean
  answer: string
  answered_by: string
  answered_at: string
}

export function openPartnerQuestions(): Promise<PartnerQuestion[]> {
  return apiRequest('/exchange/questions?open=1')
}

export function answerPartnerQuestion(id: string, answer: string): Promise<PartnerQuestion> {
  return apiRequest(`/exchange/questions/${segment(id)}/answer`, { method: 'POST', body: { answer } })
}

export function partnerPaperUrl(id: string, sha256: string): string {
  return `/api/v1/exchange/questions/${segment(id)}/papers/${segment(sha256)}?inline=1`
}
