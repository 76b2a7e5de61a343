// Routes and header links of the one-stop hall's counter queue: the kiosk and the display are
// public (a screen in the hall, no login); the counter desk is the reception officer's.
import type { RouteRecordRaw } from 'vue-router'
import { hasRole, type NavLink } from './nav'

export const routes: RouteRecordRaw[] = [
  { path: '/hall/:unit/kiosk', name: 'hall-kiosk', component: () => import('../views/queue/KioskView.vue') },
  {
    path: '/hall/:unit/display',
    name: 'hall-display',
    component: () => import('../views/queue/HallDisplayView.vue'),
    meta: { wide: true },
  },
  {
    path: '/hall/desk',
    name: 'hall-desk',
    component: () => import('../views/queue/CounterDeskView.vue'),
    meta: { requiresLogin: true, wide: true },
  },
]

export const navLinks: NavLink[] = [
  { to: '/hall/desk', label: 'hall.nav', visible: (user) => hasRole(user, 'reception') },
]
