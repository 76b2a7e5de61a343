// Number formatting shared by the statistics screens.
import type { Language } from '../../i18n'

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' }

/** 0.6667 -> "66,7 %" (vi) or "66.7%" (en); an em dash when there is no rate. */
export function formatRate(rate: number | null, language: Language): string {
  if (rate === null) return '–'
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(rate)
}

export function formatCount(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n)
}

/** "2026-03" -> "03/2026", as months are written in Vietnam (and in en-GB). */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-')
  return `${m}/${year}`
}

/** Minutes of working time as "12 h 05" / "45 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${h} h ${String(m).padStart(2, '0')}`
}

/** Index points with two decimals: "14,29" (vi) or "14.29" (en). */
export function formatPoints(points: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(points)
}
