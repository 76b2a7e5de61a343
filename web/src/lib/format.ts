// Formatting of server values for display. Times are shown in Vietnam's time zone whatever the
// browser's own zone is: the appointment on a receipt is a Hanoi time.
import type { Language } from '../i18n'

const TIME_ZONE = 'Asia/Ho_Chi_Minh'
const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' }

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

function formatter(language: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`
  let format = dateTimeFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    })
    dateTimeFormats.set(key, format)
  }
  return format
}

/** "24/11/2026, 14:47" style; the raw text when the server sent something unreadable. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formatter(language, true).format(date)
}

/** A calendar date such as an issue date ("2021-03-24"), read as a plain date. */
export function formatDate(isoDate: string | null | undefined, language: Language): string {
  if (!isoDate) return ''
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00+07:00`)
  return Number.isNaN(date.getTime()) ? isoDate : formatter(language, false).format(date)
}

export function formatVnd(amount: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount)
}

/** A time limit as the server writes it ("3 working-days", "8 hours"). */
export interface ParsedLimit {
  count: number
  unit: 'working-days' | 'days' | 'hours'
}

export function parseLimit(limit: string | null | undefined): ParsedLimit | null {
  const match = /^(\d+(?:\.\d+)?)\s+(working-days|days|hours)$/.exec(limit?.trim() ?? '')
  if (!match) return null
  return { count: Number(match[1]), unit: match[2] as ParsedLimit['unit'] }
}

/**
 * The national catalog writes list markers into paper and section names ("- Giấy chứng sinh",
 * "* Giấy tờ phải nộp:"). They are layout, not content: the page draws its own lists.
 */
export function cleanCatalogText(text: string): string {
  return text
    .replace(/^[\s\-+*•–]+/, '')
    .replace(/\s*:\s*$/, '')
    .trim()
}

export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}
