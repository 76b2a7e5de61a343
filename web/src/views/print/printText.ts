// Wording shared by the printed forms: dates and times as Vietnamese administrative documents
// write them ("14 giờ 30 phút, ngày 12 tháng 3 năm 2026"), and names of channels. The forms are
// legal documents in Vietnamese whatever the screen's language.
const TIME_ZONE = 'Asia/Ho_Chi_Minh'

function parts(iso: string): Record<string, string> | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]))
}

/** "14 giờ 30 phút, ngày 12 tháng 3 năm 2026". */
export function viDateTime(iso: string | null | undefined): string {
  if (!iso) return '…'
  const p = parts(iso)
  if (!p) return iso
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day} tháng ${p.month} năm ${p.year}`
}

/** "ngày 12 tháng 3 năm 2026". */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return 'ngày … tháng … năm …'
  const p = parts(iso.length === 10 ? `${iso}T12:00:00+07:00` : iso)
  if (!p) return iso
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`
}

/** "12/03/2026 14:30" for table cells. */
export function viShort(iso: string | null | undefined): string {
  if (!iso) return ''
  const p = parts(iso)
  if (!p) return iso
  return `${(p.day ?? '').padStart(2, '0')}/${(p.month ?? '').padStart(2, '0')}/${p.year} ${p.hour}:${p.minute}`
}

export const CHANNEL_VI: Record<string, string> = {
  counter: 'Trực tiếp tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
}

/** "3 working-days" → "3 ngày làm việc". */
export function viLimit(limit: string | undefined): string {
  if (!limit) return '…'
  const [count, unit] = limit.split(' ')
  const units: Record<string, string> = { 'working-days': 'ngày làm việc', days: 'ngày', hours: 'giờ làm việc' }
  return `${count} ${units[unit ?? ''] ?? unit ?? ''}`
}

export const RESULT_VI: Record<string, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
}
