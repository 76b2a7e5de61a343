// Language set-up: Vietnamese first, English on request. The choice is remembered in localStorage
// and mirrored on <html lang> so screen readers and hyphenation follow the visible language.
import { createI18n } from 'vue-i18n'
import en from './en'
import vi, { type MessageSchema } from './vi'

export type Language = 'vi' | 'en'

const STORAGE_KEY = 'motcua.language'

function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    // Storage may be disabled (private browsing, strict settings): fall back to Vietnamese.
    return 'vi'
  }
}

const initial = savedLanguage()

export const i18n = createI18n<[MessageSchema], Language, false>({
  legacy: false,
  locale: initial,
  fallbackLocale: 'vi',
  messages: { vi, en },
  // A missing key is a bug caught by the type check; at run time keep the console quiet.
  missingWarn: false,
  fallbackWarn: false,
})

document.documentElement.lang = initial

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language
  document.documentElement.lang = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not remembered across visits, but the page still switches.
  }
}
