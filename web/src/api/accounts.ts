// Citizens' own accounts (sign-up and password reset by a one-time code) and officials' second
// factor (TOTP). docs/api/openapi.json, operations signUp … confirmSecondFactorEnrolment.
import { apiRequest } from './client'

export interface CodeSent {
  channel: 'mail' | 'sms'
  expires_in_s: number
}

export function signUp(body: { display_name: string; address: string; password: string; language: 'vi' | 'en' }): Promise<CodeSent> {
  return apiRequest('/accounts', { method: 'POST', body })
}

export function verifySignUp(address: string, code: string): Promise<void> {
  return apiRequest('/accounts/verification', { method: 'POST', body: { address, code } })
}

export function requestPasswordReset(address: string, language: 'vi' | 'en'): Promise<CodeSent> {
  return apiRequest('/password-reset', { method: 'POST', body: { address, language } })
}

export function confirmPasswordReset(address: string, code: string, new_password: string): Promise<void> {
  return apiRequest('/password-reset/confirmation', { method: 'POST', body: { address, code, new_password } })
}

export interface SecondFactorStatus {
  enrolled: boolean
  required: boolean
  recovery_codes_left: number
  available: boolean
}

export interface TotpEnrolment {
  secret: string
  otpauth_uri: string
  /** The QR code of otpauth_uri as an SVG document. */
  qr_svg: string
}

export function secondFactorStatus(): Promise<SecondFactorStatus> {
  return apiRequest('/me/second-factor')
}

export function beginSecondFactorEnrolment(): Promise<TotpEnrolment> {
  return apiRequest('/me/second-factor', { method: 'POST', body: {} })
}

export function confirmSecondFactorEnrolment(code: string): Promise<{ recovery_codes: string[] }> {
  return apiRequest('/me/second-factor/confirmation', { method: 'POST', body: { code } })
}

/** Administrators: the roles whose holders must have a second factor. */
export function secondFactorRoles(): Promise<{ roles: string[] }> {
  return apiRequest('/admin/second-factor-roles')
}

export function setSecondFactorRole(role: string, required: boolean, reason: string): Promise<{ roles: string[] }> {
  return apiRequest(`/admin/second-factor-roles/${encodeURIComponent(role)}`, { method: 'PUT', body: { required, reason } })
}

/** Removes an official's second factor (a lost phone); their sessions end. */
export function resetSecondFactor(userId: string, reason: string): Promise<{ user_id: string; enrolled: boolean }> {
  return apiRequest(`/admin/users/${encodeURIComponent(userId)}/second-factor/reset`, { method: 'POST', body: { reason } })
}
