// Consultations between agencies (GET/POST /api/v1/consultations…): what the consulted agency's
// officials see and answer. Asking is a dossier command (act(id, 'consult', …) in officer.ts).
import { apiRequest } from './client'

const segment = encodeURIComponent

export interface Consultation {
  id: string
  dossier_id: string
  dossier_code: string
  procedure_name: string
  agency: { id: string; code: string; name: string }
  question: string
  shared_papers: { id: string; paper_name: string; file_name: string }[]
  asked_by: { id: string; name: string | null }
  asked_at: string
  due_at: string
  open: boolean
  late: boolean
  answer: string | null
  replied_by: { id: string; name: string | null } | null
  replied_at: string | null
}

export function openConsultations(): Promise<Consultation[]> {
  return apiRequest('/consultations?open=1')
}

export function replyToConsultation(id: string, answer: string): Promise<Consultation> {
  return apiRequest(`/consultations/${segment(id)}/reply`, { method: 'POST', body: { answer } })
}
