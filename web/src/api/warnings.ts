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
