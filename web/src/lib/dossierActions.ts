// Which of slice 1's commands to offer on a dossier. This mirrors the server's transition table
// (src/domain/dossier/transition_table.cpp) only to decide which buttons to draw: the server
// decides every command again, including the agency scope the client cannot see, and its refusal
// is shown as a problem. Keep the rows in step with that table.
import type { ActionName, DossierDetail, DossierStatus, RoleName, User } from '../api/types'

interface ActionRule {
  action: ActionName
  from: DossierStatus[]
  roles: RoleName[]
}

const RULES: ActionRule[] = [
  { action: 'accept', from: ['draft', 'submitted'], roles: ['reception'] },
  { action: 'request-supplement', from: ['submitted', 'received'], roles: ['reception'] },
  { action: 'request-supplement', from: ['in_progress'], roles: ['processing', 'leader'] },
  { action: 'refuse', from: ['submitted'], roles: ['reception'] },
  // The server also lets reception assign; "take the dossier" is the reviewers' button, though.
  { action: 'assign', from: ['received', 'in_progress'], roles: ['processing', 'leader'] },
  { action: 'forward', from: ['in_progress'], roles: ['processing', 'leader'] },
  { action: 'approve', from: ['in_progress'], roles: ['leader'] },
  { action: 'reject', from: ['in_progress'], roles: ['leader'] },
  { action: 'return-result', from: ['result_ready'], roles: ['reception'] },
]

export function availableActions(dossier: DossierDetail, user: User | null): ActionName[] {
  if (!user || user.applicant) return []
  const held = new Set(user.roles.map((grant) => grant.role))
  const actions: ActionName[] = []
  for (const rule of RULES) {
    if (!rule.from.includes(dossier.status)) continue
    if (!rule.roles.some((role) => held.has(role))) continue
    // Taking a dossier one already holds changes nothing.
    if (rule.action === 'assign' && dossier.assignee_id === user.id) continue
    if (!actions.includes(rule.action)) actions.push(rule.action)
  }
  return actions
}

/**
 * The process step an official takes a dossier at. A just-received dossier has no step yet: its
 * first step (receiving and checking, done by reception at acceptance) is over, so review starts
 * at the second. Otherwise the dossier stays at its step ('' tells the server to keep it).
 */
export function stepToTake(dossier: DossierDetail): string {
  if (dossier.step) return ''
  return dossier.terms?.process?.steps[1]?.id ?? ''
}
