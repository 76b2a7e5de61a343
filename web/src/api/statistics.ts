// Types and calls of the statistics screens: public on-time figures (no login), the leader's
// figures per unit and official, overdue dossiers with their causes, who used the time, and the
// approval queue. The server sends the definition of every figure with it; screens show them.
import { apiRequest } from './client'
import type { DossierListItem } from './types'

export interface Bilingual {
  vi: string
  en: string
}

export interface MonthRange {
  from?: string
  to?: string
  agency_id?: string
}

export interface OnTimeCounts {
  received: number
  finished_early: number
  finished_on_time: number
  finished_late: number
  open_within_time: number
  open_overdue: number
  open_paused: number
  /** (early + on time + open within time) / received; null when nothing was received. */
  on_time_rate: number | null
  /** Dossiers finished late, by the party that held the time past its budget (rules.md 22). */
  late_by_cause: LateByCause
}

export type LateCause = 'agency' | 'official' | 'other_agency' | 'applicant'

export interface LateByCause {
  agency: number
  official: number
  other_agency: number
  applicant: number
}

export interface OnTimeMonth extends OnTimeCounts {
  month: string
}

export interface OnTimeGroup {
  id: string
  name: string
  months: OnTimeMonth[]
  totals: OnTimeCounts
}

export interface OnTimeStatistics {
  group: 'agency' | 'procedure'
  from: string
  to: string
  as_of: string
  months: string[]
  groups: OnTimeGroup[]
  totals: { months: OnTimeMonth[]; all: OnTimeCounts }
  definition: Record<'period' | 'due_date' | 'on_time' | 'open' | 'on_time_rate', Bilingual>
}

export interface StepCounts {
  steps: number
  early: number
  on_time: number
  late: number
  without_budget: number
  minutes_used: number
  on_time_rate: number | null
}

export interface OfficialRow extends StepCounts {
  official_id: string
  name: string
}

export interface UnitRow extends StepCounts {
  agency_id: string
  name: string
  officials: OfficialRow[]
}

export interface OfficialStatistics {
  from: string
  to: string
  units: UnitRow[]
  definition: Bilingual
}

export interface LateStep {
  name: string
  official_id: string
  official_name: string
  started: string
  due: string | null
  ended: string | null
  minutes_used: number
}

export interface OverdueDossier {
  id: string
  code: string | null
  procedure_code: string
  procedure_name: string
  agency_id: string
  agency_name: string
  status: string
  outcome: 'finished_late' | 'open_overdue'
  received: string
  due: string | null
  due_766: string | null
  finished: string | null
  holder: { official_id: string; name: string; step: string } | null
  causes: {
    /** The party with the largest overrun (rules.md 22); null when nothing overran. */
    cause: LateCause | null
    shares: { cause: LateCause; step: string; overrun_minutes: number }[]
    apology: { reason: string; new_due: string | null } | null
    late_steps: LateStep[]
    supplement_requests: number
    applicant_minutes: number
    paused: string | null
    flags: string[]
  }
}

export interface OverdueStatistics {
  from: string
  to: string
  dossiers: OverdueDossier[]
  limit: number
  definition: Bilingual
}

export interface PartyMinutes {
  party: string
  minutes: number
  minutes_per_dossier: number
  share: number | null
}

export interface TimeUsedStatistics {
  from: string
  to: string
  procedures: { code: string; name: string; dossiers: number; minutes: number; parties: PartyMinutes[] }[]
  totals: { dossiers: number; minutes: number; parties: PartyMinutes[] }
  definition: Bilingual
}

export interface ApprovalQueue {
  as_of: string
  dossiers: (DossierListItem & { procedure_name?: string })[]
  definition: Bilingual
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
  const text = search.toString()
  return text ? `?${text}` : ''
}

export function onTimeStatistics(group: 'agency' | 'procedure', range: MonthRange): Promise<OnTimeStatistics> {
  return apiRequest(`/statistics/on-time${query({ group, ...range })}`)
}

export function officialStatistics(range: MonthRange): Promise<OfficialStatistics> {
  return apiRequest(`/statistics/officials${query({ ...range })}`)
}

export function overdueStatistics(range: MonthRange): Promise<OverdueStatistics> {
  return apiRequest(`/statistics/overdue${query({ ...range })}`)
}

export function timeUsedStatistics(range: MonthRange): Promise<TimeUsedStatistics> {
  return apiRequest(`/statistics/time-used${query({ ...range })}`)
}

export function approvalQueue(): Promise<ApprovalQueue> {
  return apiRequest('/approvals')
}

/** "2026-03" for the month `offset` months from the current one in Vietnam. */
export function monthFromNow(offset: number, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .formatToParts(now)
  const year = Number(parts.find((p) => p.type === 'year')?.value)
  const month = Number(parts.find((p) => p.type === 'month')?.value) - 1 + offset
  const y = year + Math.floor(month / 12)
  const m = ((month % 12) + 12) % 12
  return `${y}-${String(m + 1).padStart(2, '0')}`
}

/** One index of the Decision 766 index (docs/rules.md, "Decision 766 index"). */
export interface Index766Index {
  key: string
  name_vi: string
  name_en: string
  /** 0..1; null when nothing could be measured. */
  value: number | null
  points: number
  max_points: number
  numerator: number
  denominator: number
  drill_down_url: string
}

export interface Index766Group {
  name: Bilingual
  points: number
  max_points: number
  /** `<index>:<procedure>:<input>` for each input nobody recorded yet. */
  missing_inputs: string[]
  indices: Index766Index[]
}

export const index766GroupKeys = ['publicity', 'progress', 'online', 'digitisation', 'satisfaction'] as const
export type Index766GroupKey = (typeof index766GroupKeys)[number]

export interface Index766 {
  from: string
  to: string
  agency_id: string | null
  as_of: string
  total: number
  max_total: number
  groups: Record<Index766GroupKey, Index766Group>
  source: Bilingual
}

export const index766 = (range: MonthRange = {}) => {
  const q = new URLSearchParams()
  if (range.from) q.set('from', range.from)
  if (range.to) q.set('to', range.to)
  if (range.agency_id) q.set('agency_id', range.agency_id)
  return apiRequest<Index766>(`/statistics/index-766?${q}`)
}

/** An input of the index recorded by an administrator (value, source, who, when). */
export interface Index766Input {
  procedure_code: string
  input_key: string
  value: string
  source: string
  recorded_by: string
  recorded_at: string
}

export const listIndex766Inputs = () => apiRequest<{ inputs: Index766Input[] }>('/admin/index-766-inputs')

/** Records one input; an empty value removes it. */
export const recordIndex766Input = (input: {
  procedure_code: string
  input_key: string
  value: string
  source: string
  reason: string
}) => apiRequest<Index766Input>('/admin/index-766-inputs', { method: 'PUT', body: input })

/** Evaluation by the nine indices (docs/rules.md section 21). */
export interface EvaluationIndexScore {
  index: number
  key: string
  name: Bilingual
  score: number | null
  scored: number
}

export interface OfficialEvaluation {
  official_id: string
  name: string
  dossiers: number
  indices: EvaluationIndexScore[]
  total: number | null
  band: string
}

export interface UnitEvaluation {
  agency_id: string
  name: string
  dossiers: number
  indices: EvaluationIndexScore[]
  total: number | null
  band: string
  officials: OfficialEvaluation[]
}

export interface EvaluationStatistics {
  from: string
  to: string
  as_of: string
  units: UnitEvaluation[]
  definition: Bilingual
}

export function evaluationStatistics(range: MonthRange): Promise<EvaluationStatistics> {
  return apiRequest(`/statistics/evaluation${query({ ...range })}`)
}

// The periodic TTHC report (docs/rules.md section 22).
export interface PeriodicCounts {
  received: { total: number; carried_over: number; online: number; counter: number; post: number }
  resolved: { total: number; early: number; on_time: number; late: number }
  in_progress: { total: number; within_time: number; overdue: number }
  late_by_cause: { agency: number; official: number; other_agency: number; applicant: number }
}

export interface PeriodicLine extends PeriodicCounts {
  id: string
  name: string
}

export interface PeriodicReport {
  from: string
  to: string
  agency_id: string | null
  as_of: string
  columns: { group: Bilingual; vi: string; en: string }[]
  agencies: PeriodicLine[]
  areas: PeriodicLine[]
  total: PeriodicCounts
  definition: Bilingual
}

export interface PeriodRange {
  from?: string
  to?: string
  agency_id?: string
}

export function periodicReport(range: PeriodRange): Promise<PeriodicReport> {
  return apiRequest(`/statistics/periodic-report${query({ ...range })}`)
}

/** Where the browser downloads the report as a file (the session cookie goes with it). */
export function periodicReportUrl(format: 'csv' | 'xlsx' | 'pdf', range: PeriodRange): string {
  return `/api/v1/statistics/periodic-report.${format}${query({ ...range })}`
}

/** The numbers of a line in the order of the report's columns after the two leading ones. */
export function periodicValues(c: PeriodicCounts): number[] {
  return [
    c.received.total,
    c.received.carried_over,
    c.received.online,
    c.received.counter,
    c.received.post,
    c.resolved.total,
    c.resolved.early,
    c.resolved.on_time,
    c.resolved.late,
    c.in_progress.total,
    c.in_progress.within_time,
    c.in_progress.overdue,
    c.late_by_cause.agency,
    c.late_by_cause.official,
    c.late_by_cause.other_agency,
    c.late_by_cause.applicant,
  ]
}
