// Types and calls of the counter queue of the one-stop hall: the public kiosk and hall display,
// the reception officer's counter, and the waiting-time statistics.
import { apiRequest } from './client'

export interface QueueService {
  id: string
  unit_id: string
  name: string
  /** false: switched off by the administrator, no longer offered at the kiosk. */
  active: boolean
}

export interface QueueTicket {
  id: string
  number: number
  label: string
  unit_id: string
  service_id: string
  service_name: string
  priority_group: string
  status: 'waiting' | 'called' | 'served' | 'no_show'
  counter_number: number | null
  slip_vi: string
  slip_en: string
  call_text_vi: string | null
  call_text_en: string | null
  calls: number
  taken_at: string
  called_at: string | null
  finished_at: string | null
}

export interface QueueCounter {
  id: string
  unit_id: string
  unit_name: string
  number: number
  services: QueueService[]
  waiting: number
  current: QueueTicket | null
  /** false: switched off, not on the desk nor suggested for new tickets. */
  active: boolean
}

export interface PriorityGroup {
  code: string
  name_vi: string
  name_en: string
}

export interface QueueKiosk {
  unit_id: string
  unit_name: string
  services: QueueService[]
  counters: QueueCounter[]
  priority_groups: PriorityGroup[]
}

export interface HallDisplay {
  unit_id: string
  unit_name: string
  day: string
  called: QueueTicket[]
  waiting: number
}

export interface QueueTimesRow {
  counter_number: number
  service_id: string
  service_name: string
  served: number
  no_show: number
  average_wait_minutes: number | null
  median_wait_minutes: number | null
  average_service_minutes: number | null
  median_service_minutes: number | null
}

export interface QueueStatistics {
  unit_id: string
  from: string
  to: string
  rows: QueueTimesRow[]
}

const unitPath = (unit: string) => `/queue/units/${encodeURIComponent(unit)}`

export const getKiosk = (unit: string) => apiRequest<QueueKiosk>(`${unitPath(unit)}/kiosk`)
export const takeKioskTicket = (unit: string, serviceId: string, priorityGroup: string) =>
  apiRequest<QueueTicket>(`${unitPath(unit)}/kiosk-tickets`, {
    method: 'POST',
    body: { service_id: serviceId, priority_group: priorityGroup },
  })
export const getHallDisplay = (unit: string) => apiRequest<HallDisplay>(`${unitPath(unit)}/display`)
export const myCounters = () => apiRequest<QueueCounter[]>('/queue/counters')
export const callNext = (counterId: string) =>
  apiRequest<QueueTicket>(`/queue/counters/${encodeURIComponent(counterId)}/call-next`, { method: 'POST' })
export const recallTicket = (ticketId: string) =>
  apiRequest<QueueTicket>(`/queue/tickets/${encodeURIComponent(ticketId)}/recall`, { method: 'POST' })
export const finishTicket = (ticketId: string, outcome: 'served' | 'no_show') =>
  apiRequest<QueueTicket>(`/queue/tickets/${encodeURIComponent(ticketId)}/finish`, {
    method: 'POST',
    body: { outcome },
  })
export const queueStatistics = (unit: string, from: string, to: string) =>
  apiRequest<QueueStatistics>(
    `/statistics/queue?unit_id=${encodeURIComponent(unit)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  )

// ---- administration (the administrator of the unit's agency) ----

/** Adds a service of the unit's hall: a name people recognise (a group of procedures or a field). */
export const addQueueService = (unitId: string, name: string) =>
  apiRequest<QueueService>('/admin/queue/services', { method: 'POST', body: { unit_id: unitId, name } })
/** Adds counter number N of the unit, serving the listed services. */
export const addQueueCounter = (unitId: string, number: number, serviceIds: string[]) =>
  apiRequest<QueueCounter>('/admin/queue/counters', {
    method: 'POST',
    body: { unit_id: unitId, number, service_ids: serviceIds },
  })

/** Every service and counter of the unit, switched off or not. */
export interface QueueSetup {
  unit_id: string
  unit_name: string
  services: QueueService[]
  counters: QueueCounter[]
}

export const getQueueSetup = (unitId: string) => apiRequest<QueueSetup>(`/admin/queue/units/${encodeURIComponent(unitId)}`)
/** Renames a service or switches it on or off; the reason goes to the audit log. */
export const changeQueueService = (id: string, change: { name?: string; active?: boolean; reason: string }) =>
  apiRequest<QueueService>(`/admin/queue/services/${encodeURIComponent(id)}`, { method: 'PATCH', body: change })
/** Changes the services a counter serves or switches it on or off. */
export const changeQueueCounter = (id: string, change: { service_ids?: string[]; active?: boolean; reason: string }) =>
  apiRequest<QueueCounter>(`/admin/queue/counters/${encodeURIComponent(id)}`, { method: 'PATCH', body: change })
