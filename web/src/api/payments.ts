// Typed functions for fee payments (server: src/api/payment_routes.cpp). The browser only starts a
// payment and reads what the gateway's server-to-server confirmation (IPN) recorded; it never
// marks anything paid itself.
import { apiRequest } from './client'

const segment = encodeURIComponent

export interface PaymentOptions {
  /** A gateway is configured: the applicant may pay online. */
  online: boolean
  counter: boolean
}

export interface StartedPayment {
  payment_id: string
  /** The gateway's signed pay page. */
  redirect_url: string
}

export type PaymentState = 'pending' | 'paid' | 'failed' | 'expired' | 'refunded'

export interface Payment {
  id: string
  dossier_id: string
  dossier_code: string
  dossier_status: string
  method: 'vnpay' | 'cash' | 'card'
  txn_ref: string
  amount_vnd: number
  state: PaymentState
  created_at: string
  expires_at: string
  updated_at: string
}

export function getPaymentOptions(): Promise<PaymentOptions> {
  return apiRequest<PaymentOptions>('/payments/options')
}

export function startOnlinePayment(dossierId: string, locale: 'vn' | 'en'): Promise<StartedPayment> {
  return apiRequest<StartedPayment>(`/dossiers/${segment(dossierId)}/payments?locale=${locale}`, { method: 'POST', body: {} })
}

export function getPayment(paymentId: string): Promise<Payment> {
  return apiRequest<Payment>(`/payments/${segment(paymentId)}`)
}

/** An e-receipt (biên lai điện tử) of a fee paid at the counter. */
export interface FeeReceipt {
  id: string
  /** "2026/000123": per agency and year, without gaps. */
  number: string
  payment_id: string
  dossier_id: string
  dossier_code: string
  agency_id: string
  method: 'cash' | 'card'
  amount_vnd: number
  description: string
  payer_name: string
  issued_by: { id: string; name: string }
  issued_at: string
  note: string
}

export function recordCounterPayment(
  dossierId: string,
  body: { method: 'cash' | 'card'; amount_vnd: number; note?: string },
): Promise<FeeReceipt> {
  return apiRequest<FeeReceipt>(`/dossiers/${segment(dossierId)}/counter-payments`, { method: 'POST', body })
}

export function getReceipts(dossierId: string): Promise<FeeReceipt[]> {
  return apiRequest<FeeReceipt[]>(`/dossiers/${segment(dossierId)}/receipts`)
}

/** The PDF of one receipt of the dossier. */
export function receiptPdfUrl(dossierId: string, number: string): string {
  return `/api/v1/dossiers/${segment(dossierId)}/documents/fee-receipt.pdf?number=${encodeURIComponent(number)}`
}

/** A refund of a paid fee (the dossier was refused or stopped after the payment). */
export interface Refund {
  id: string
  payment_id: string
  dossier_id: string
  method: 'vnpay' | 'cash' | 'card'
  amount_vnd: number
  state: 'pending' | 'refunded' | 'failed'
  reason: string
  created_at: string
  completed_by: { id: string; name: string | null } | null
  completed_at: string | null
  gateway_txn_no: string | null
  error: string | null
}

export function getRefunds(dossierId: string): Promise<Refund[]> {
  return apiRequest<Refund[]>(`/dossiers/${segment(dossierId)}/refunds`)
}

export function completeRefund(refundId: string, note: string): Promise<Refund> {
  return apiRequest<Refund>(`/refunds/${segment(refundId)}/complete`, { method: 'POST', body: { note } })
}
