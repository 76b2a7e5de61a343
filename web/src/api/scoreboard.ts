// Types and calls of the public scoreboard (docs/rules.md section 23): the agencies under the
// served province ranked by on-time rate then satisfied ratings, and one agency's months.
import { apiRequest } from './client'
import type { Bilingual, Index766GroupKey, MonthRange } from './statistics'

export interface ScoreboardGroup {
  name: Bilingual
  points: number
  max_points: number
  /** How many inputs of the group nobody recorded yet (listed on the statistics page). */
  missing_inputs: number
}

export interface ScoreboardAgency {
  /** null: nothing received in the period, not ranked. */
  rank: number | null
  /** Another agency holds the same rank. */
  tied: boolean
  id: string
  name: string
  received: number
  counted_on_time: number
  on_time_rate: number | null
  rated: number
  satisfied: number
  satisfied_share: number | null
  index_766_total: number
  groups: Record<Index766GroupKey, ScoreboardGroup>
  feedback_url: string
}

export interface Scoreboard {
  from: string
  to: string
  as_of: string
  province_id: string
  province_name: string
  agencies: ScoreboardAgency[]
  definition: { ranking: Bilingual; satisfaction: Bilingual; source: Bilingual }
}

export interface ScoreboardMonth {
  month: string
  received: number
  on_time_rate: number | null
  rated: number
  satisfied_share: number | null
  index_766_total: number
}

export interface ScoreboardHistory {
  agency_id: string
  name: string
  as_of: string
  months: ScoreboardMonth[]
  definition: Bilingual
}

export function scoreboard(range: MonthRange = {}): Promise<Scoreboard> {
  const q = new URLSearchParams()
  if (range.from) q.set('from', range.from)
  if (range.to) q.set('to', range.to)
  return apiRequest<Scoreboard>(`/statistics/scoreboard?${q}`)
}

export function scoreboardHistory(agencyId: string, months = 12): Promise<ScoreboardHistory> {
  const q = new URLSearchParams({ agency_id: agencyId, months: String(months) })
  return apiRequest<ScoreboardHistory>(`/statistics/scoreboard/history?${q}`)
}
