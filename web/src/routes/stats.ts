// Routes and header links of the stats screens. Views load on demand (their own chunk), so uPlot
// (imported only by the chart component) never weighs on the citizen's first page.
import type { RouteRecordRaw } from 'vue-router'
import type { NavLink } from './nav'

export const routes: RouteRecordRaw[] = [
  {
    path: '/statistics',
    name: 'statistics',
    component: () => import('../views/stats/StatisticsView.vue'),
    meta: { wide: true },
  },
  {
    path: '/scoreboard',
    name: 'scoreboard',
    component: () => import('../views/stats/ScoreboardView.vue'),
    meta: { wide: true },
  },
]

/** Public figures: the link is there for everyone, logged in or not. */
export const navLinks: NavLink[] = [
  { to: '/statistics', label: 'stats.nav', visible: () => true },
  { to: '/scoreboard', label: 'scoreboard.nav', visible: () => true },
]
