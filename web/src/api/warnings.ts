// Warnings before a breach and escalations (GET /api/v1/warnings): what the workspace and the
// leader's dashboard list above everything else.
import { apiRequest } from './client'

export type DueAlertKind = 'due_soon' | 'step_due_soon' | 'overdue' | 'step_overrun'

export interface DueAlert {
  kind: DueAlertKind
  dossier_id: string
  code: string
  procedure_name: string
  agency_id: string
  holder_id: string | null
  step: string
  due: string
}

export interface Warnings {
  hours: number
  due_soon: DueAlert[]
  escalated: DueAlert[]
  step_overruns: DueAlert[]
}

export function getWarnings(): Promise<Warnings> {
  return apiRequest('/warnings')
}

/** The threshold in working hours with its last change (null fields: never changed). */
export interface WarningHours {
  hours: number
  changed_by: string | null
  changed_by_name: string | null
  changed_at: string | null
  reason: string | null
  previous_hours: number | null
}

/** The threshold in working hours (administrators). */
export function getWarningHours(): Promise<WarningHours> {
  return apiRequest('/admin/warning-hours')
}

/** Changes the threshold; the reason goes to the audit log (action "setting.changed"). */
export function setWarningHours(hours: number, reason: string): Promise<WarningHours> {
  return apiRequest('/admin/warning-hours', { method: 'PUT', body: { hours, reason } })
}
