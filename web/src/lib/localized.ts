// Picks the server's Vietnamese or English wording to match the page's language.
import { useI18n } from 'vue-i18n'
import type { Problem } from '../api/types'
import type { Language } from '../i18n'

export function useLocalized() {
  const { t, locale } = useI18n()
  const language = () => locale.value as Language

  /** Two server fields, one per language, e.g. status_label_vi / status_label_en. */
  function pick(vi: string, en: string): string {
    return language() === 'en' ? en || vi : vi || en
  }

  /** The message of a problem: the server's own, or ours for client-side failures. */
  function problemText(problem: Problem): string {
    const server = pick(problem.message_vi, problem.message_en)
    if (server) return server
    return problem.code === 'network' ? t('problem.network') : t('problem.bad_response')
  }

  return { language, pick, problemText }
}
