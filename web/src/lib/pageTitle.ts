// Sets document.title from a (translated) page name and keeps it current when the language or the
// page's data changes: the title is the first thing a screen reader announces after navigation.
import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'

export function usePageTitle(title: () => string): void {
  const { t } = useI18n()
  watchEffect(() => {
    const page = title()
    document.title = page ? `${page} – ${t('app.name')}` : t('app.name')
  })
}
