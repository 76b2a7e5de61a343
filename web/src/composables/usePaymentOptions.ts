// Whether this installation offers online payment (a gateway is configured): asked once per page
// load and shared, since the fee card and the applicant's pay button both need it. A failed
// question counts as "no": the counter always works.
import { ref, type Ref } from 'vue'
import { getPaymentOptions } from '../api/payments'

const online = ref(false)
let asked: Promise<void> | null = null

export function usePaymentOptions(): { online: Ref<boolean> } {
  asked ??= getPaymentOptions()
    .then((o) => {
      online.value = o.online
    })
    .catch(() => {
      online.value = false
    })
  return { online }
}
