// Routes and header links of the citizen screens. Views load on demand (their own chunk).
import type { RouteRecordRaw } from 'vue-router'
import { hasRole, type NavLink } from './nav'

export const routes: RouteRecordRaw[] = [
  {
    // /submit?code=<procedure> starts a draft; /submit?id=<dossier> resumes one.
    path: '/submit',
    name: 'citizen-submit',
    component: () => import('../views/citizen/SubmitWizardView.vue'),
    meta: { requiresLogin: true },
  },
  {
    path: '/my/dossier',
    name: 'citizen-dossier',
    component: () => import('../views/citizen/CitizenDossierView.vue'),
    meta: { requiresLogin: true },
  },
  {
    // The confirmation after sending: /my/submitted?id=<dossier>.
    path: '/my/submitted',
    name: 'citizen-submitted',
    component: () => import('../views/citizen/SubmittedView.vue'),
    meta: { requiresLogin: true },
  },
  {
    // The gateway's return: /payments/return?payment=<id>&vnp_… (only the id is read).
    path: '/payments/return',
    name: 'citizen-payment-return',
    component: () => import('../views/citizen/PaymentReturnView.vue'),
    meta: { requiresLogin: true },
  },
  {
    // The applicant's paper store (kho giấy tờ, Decree 45/2020 Art 16).
    path: '/my/papers',
    name: 'citizen-papers',
    component: () => import('../views/citizen/MyPapersView.vue'),
    meta: { requiresLogin: true },
  },
  { path: '/feedback', name: 'citizen-feedback', component: () => import('../views/citizen/FeedbackView.vue') },
  { path: '/feedback/status', name: 'citizen-feedback-status', component: () => import('../views/citizen/FeedbackStatusView.vue') },
  {
    // Public: the published answers (the scoreboard links here with ?agency_id=X).
    path: '/feedback/published',
    name: 'citizen-feedback-published',
    component: () => import('../views/citizen/PublishedFeedbackView.vue'),
  },
  {
    path: '/feedback/intake',
    name: 'citizen-feedback-intake',
    component: () => import('../views/citizen/FeedbackIntakeView.vue'),
    meta: { requiresLogin: true },
  },
  {
    path: '/feedback/answer',
    name: 'citizen-feedback-answer',
    component: () => import('../views/citizen/FeedbackAnswerView.vue'),
    meta: { requiresLogin: true, wide: true },
  },
]

export const navLinks: NavLink[] = [
  { to: '/my/papers', label: 'citizen.nav.myPapers', visible: (user) => !!user && user.applicant },
  { to: '/feedback', label: 'citizen.nav.feedback', visible: (user) => !user || user.applicant },
  { to: '/feedback/answer', label: 'citizen.nav.feedbackAnswer', visible: (user) => hasRole(user, 'leader', 'administrator') },
  { to: '/feedback/intake', label: 'citizen.nav.feedbackIntake', visible: (user) => hasRole(user, 'reception', 'processing', 'leader', 'administrator') },
  { to: '/feedback/published', label: 'citizen.nav.feedbackPublished', visible: (user) => !user || user.applicant },
]
