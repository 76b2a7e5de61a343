// Routes and header links of the leader screens. Views load on demand (their own chunk).
import type { RouteRecordRaw } from 'vue-router'
import { hasRole, type NavLink } from './nav'

export const routes: RouteRecordRaw[] = [
  {
    path: '/leader',
    name: 'leader-dashboard',
    component: () => import('../views/leader/LeaderDashboardView.vue'),
    meta: { requiresLogin: true, wide: true },
  },
  {
    path: '/approvals',
    name: 'approvals',
    component: () => import('../views/leader/ApprovalsView.vue'),
    meta: { requiresLogin: true, wide: true },
  },
]

export const navLinks: NavLink[] = [
  { to: '/approvals', label: 'leader.nav.approvals', visible: (user) => hasRole(user, 'leader') },
  { to: '/leader', label: 'leader.nav.dashboard', visible: (user) => hasRole(user, 'leader', 'administrator') },
]
