// Routes. The citizen's first screen (procedure search) is in the entry chunk; everything else is
// loaded on demand so a phone on a slow line downloads only what it shows.
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import HomeView from './views/HomeView.vue'
import { getProcedure } from './api/endpoints'
import { prefetch, procedureKey } from './lib/prefetch'
import { ensureSessionKnown, homeFor, session } from './session'
import * as citizen from './routes/citizen'
import * as officer from './routes/officer'
import * as leader from './routes/leader'
import * as stats from './routes/stats'
import * as admin from './routes/admin'
import * as hall from './routes/hall'
import type { NavLink } from './routes/nav'

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * The page needs a logged-in user; others are public. Roles are not checked here: the server
     * answers for them, and a page reached without the right role shows the server's refusal.
     */
    requiresLogin?: boolean
    /** Officials' screens with wide tables use the whole width of a desk monitor. */
    wide?: boolean
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    // Procedure and dossier codes contain dots ("1.001193", "000.14.29.H42-261124-0001"). The
    // server sends index.html for unknown paths only when their last segment has no dot (a
    // missing "app.js" must stay a 404), so codes travel in the query string, where a link
    // opened directly (a bookmark, the QR code on a receipt) still reaches the application.
    { path: '/procedure', name: 'procedure', component: () => import('./views/ProcedureView.vue') },
    { path: '/track', name: 'track', component: () => import('./views/TrackView.vue') },
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
    { path: '/signup', name: 'signup', component: () => import('./views/SignUpView.vue') },
    { path: '/forgot-password', name: 'forgot-password', component: () => import('./views/ForgotPasswordView.vue') },
    {
      path: '/second-factor',
      name: 'second-factor',
      component: () => import('./views/SecondFactorView.vue'),
      meta: { requiresLogin: true },
    },
    {
      path: '/password',
      name: 'change-password',
      component: () => import('./views/ChangePasswordView.vue'),
      meta: { requiresLogin: true },
    },
    {
      path: '/my',
      name: 'my-dossiers',
      component: () => import('./views/MyDossiersView.vue'),
      meta: { requiresLogin: true, wide: true },
    },
    {
      path: '/queue',
      name: 'queue',
      component: () => import('./views/QueueView.vue'),
      meta: { requiresLogin: true, wide: true },
    },
    {
      path: '/dossiers/:id',
      name: 'dossier',
      component: () => import('./views/DossierView.vue'),
      meta: { requiresLogin: true, wide: true },
    },
    ...citizen.routes,
    ...officer.routes,
    ...leader.routes,
    ...stats.routes,
    ...admin.routes,
    ...hall.routes,
    { path: '/:unknown(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

/** The header links every area adds after the built-in ones, in this order. */
export const areaNavLinks: NavLink[] = [...citizen.navLinks, ...officer.navLinks, ...leader.navLinks, ...stats.navLinks, ...admin.navLinks, ...hall.navLinks]

/** Only paths inside this application may be a login redirect target (no open redirects). */
export function safeRedirect(target: unknown): string | null {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : null
}

router.beforeEach(async (to: RouteLocationNormalized) => {
  if (to.name === 'procedure' && typeof to.query.code === 'string') {
    const code = to.query.code
    const agency = typeof to.query.agency_id === 'string' ? to.query.agency_id : ''
    prefetch(procedureKey(code, agency), () => getProcedure(code, agency))
  }
  if (to.meta.requiresLogin) {
    await ensureSessionKnown()
    if (!session.user) return { name: 'login', query: { redirect: to.fullPath } }
    // After an administrator's reset the server refuses everything but the change.
    if (session.mustChangePassword && to.name !== 'change-password') {
      return { name: 'change-password', query: { redirect: to.fullPath } }
    }
    // A role requires a second factor: the server refuses everything but the enrolment.
    if (session.mustEnrolSecondFactor && !session.mustChangePassword && to.name !== 'second-factor') {
      return { name: 'second-factor', query: { redirect: to.fullPath } }
    }
  } else if (to.name === 'login') {
    await ensureSessionKnown()
    if (session.user) return safeRedirect(to.query.redirect) ?? homeFor(session.user)
  }
  return true
})
