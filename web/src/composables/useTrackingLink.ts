// The tracking secret of a dossier (GET /dossiers/{id}/tracking-secret), for the screens that show
// or print it beside the code: the public tracking page answers only for the pair. A failure
// leaves it null; the screen then shows the code alone, as before the secret existed.
import { ref, watch, type Ref } from 'vue'
import { dossierTrackingLink } from '../api/endpoints'
import type { TrackingLink } from '../api/types'

export function useTrackingLink(id: Ref<string>, ready: Ref<unknown> = ref(true)): Ref<TrackingLink | null> {
  const link = ref<TrackingLink | null>(null)
  watch(
    [id, ready],
    async ([current, loaded]) => {
      link.value = null
      if (!current || !loaded) return
      try {
        link.value = await dossierTrackingLink(current)
      } catch {
        link.value = null
      }
    },
    { immediate: true },
  )
  return link
}
