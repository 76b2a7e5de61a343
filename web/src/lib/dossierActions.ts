// Which commands to offer on a dossier: exactly those the server lists in `allowed_actions` (it
// asks its state machine with the official's roles over this dossier), less the few this screen
// has no form for. The server decides every command again when it is given; a refusal is shown as
// its problem.
import type { DossierDetail, User } from '../api/types'
import type { OfficerAction, WorkspaceDossier } from '../api/officer'

/** The order of the buttons: the usual next step first, the rarer ones after. */
const ORDER: OfficerAction[] = [
  'accept',
  'assign',
  'forward',
  'approve',
  'return-result',
  'request-supplement',
  'provide-supplement',
  'refuse',
  'reject',
  'send-back',
  'consult',
  'reply-consultation',
  'request-payment',
  'confirm-payment',
  'apology',
  'request-withdrawal',
  'cancel-withdrawal',
  'stop',
]

export function availableActions(dossier: DossierDetail | WorkspaceDossier, user: User | null): OfficerAction[] {
  if (!user || user.applicant) return []
  const allowed = new Set((dossier as Partial<WorkspaceDossier>).allowed_actions ?? [])
  const reviewer = user.roles.some((grant) => grant.role === 'processing' || grant.role === 'leader')
  return ORDER.filter((action) => {
    if (!allowed.has(action)) return false
    // "Assign" here is "take the dossier yourself": a reviewer's button, and pointless when held.
    if (action === 'assign') return reviewer && dossier.assignee_id !== user.id
    return true
  })
}

/**
 * The process step an official takes a dossier at. A just-received dossier has no step yet: its
 * first step (receiving and checking, done by reception at acceptance) is over, so review starts
 * at the second. Otherwise the dossier stays at its step ('' tells the server to keep it).
 */
export function stepToTake(dossier: DossierDetail | WorkspaceDossier): string {
  if (dossier.step) return ''
  return dossier.terms?.process?.steps[1]?.id ?? ''
}
