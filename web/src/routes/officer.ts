// Routes and header links of the officer screens. Views load on demand (their own chunk).
import type { RouteRecordRaw } from 'vue-router'
import { hasRole, type NavLink } from './nav'

export const routes: RouteRecordRaw[] = [
  {
    path: '/counter',
    name: 'counter',
    component: () => import('../views/officer/CounterIntakeView.vue'),
    meta: { requiresLogin: true, wide: true },
  },
  {
    path: '/dossiers/:id/print/:form',
    name: 'dossier-print',
    component: () => import('../views/print/DossierFormView.vue'),
    meta: { requiresLogin: true, wide: true },
  },
  {
    path: '/tracking-book',
    name: 'tracking-book',
    component: () => import('../views/print/TrackingBookView.vue'),
    meta: { requiresLogin: true, wide: true },
  },
]

export const navLinks: NavLink[] = [
  { to: '/counter', label: 'officer.nav.counter', visible: (user) => hasRole(user, 'reception') },
  { to: '/tracking-book', label: 'officer.nav.book', visible: (user) => hasRole(user, 'reception', 'leader') },
]
