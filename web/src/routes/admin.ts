// Routes and header links of the admin screens. Views load on demand (their own chunk).
import type { RouteRecordRaw } from 'vue-router'
import { hasRole, type NavLink } from './nav'

const meta = { requiresLogin: true, wide: true }

export const routes: RouteRecordRaw[] = [
  { path: '/admin', name: 'admin', component: () => import('../views/admin/AdminHomeView.vue'), meta },
  { path: '/admin/catalog', name: 'admin-catalog', component: () => import('../views/admin/AdminCatalogView.vue'), meta },
  { path: '/admin/processes', name: 'admin-processes', component: () => import('../views/admin/AdminProcessView.vue'), meta },
  { path: '/admin/calendar', name: 'admin-calendar', component: () => import('../views/admin/AdminCalendarView.vue'), meta },
  { path: '/admin/users', name: 'admin-users', component: () => import('../views/admin/AdminUsersView.vue'), meta },
  { path: '/admin/agencies', name: 'admin-agencies', component: () => import('../views/admin/AdminAgenciesView.vue'), meta },
  { path: '/admin/audit', name: 'admin-audit', component: () => import('../views/admin/AdminAuditView.vue'), meta },
  { path: '/admin/queue', name: 'admin-queue', component: () => import('../views/admin/AdminQueueView.vue'), meta },
  { path: '/admin/warnings', name: 'admin-warnings', component: () => import('../views/admin/AdminWarningsView.vue'), meta },
  { path: '/admin/webhooks', name: 'admin-webhooks', component: () => import('../views/admin/AdminWebhooksView.vue'), meta },
  { path: '/admin/outbox', name: 'admin-outbox', component: () => import('../views/admin/AdminOutboxView.vue'), meta },
  { path: '/admin/index-766-inputs', name: 'admin-index-766-inputs', component: () => import('../views/admin/AdminIndex766InputsView.vue'), meta },
]

export const navLinks: NavLink[] = [
  { to: '/admin', label: 'admin.nav.admin', visible: (user) => hasRole(user, 'administrator') },
]
