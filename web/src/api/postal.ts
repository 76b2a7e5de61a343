// The postal channel of a dossier and the webhook subscriptions (docs/integrations.md).
import { apiRequest } from './client'

const seg = encodeURIComponent

export interface PostalChoice {
  pickup: boolean
  delivery: boolean
  receiver_name: string
  phone: string
  address: string
  cod_vnd: number
}

export interface PostalOrder {
  kind: 'pickup' | 'delivery'
  status: 'ordered' | 'placed' | 'picked_up' | 'delivered' | 'returned_to_sender'
  tracking_number: string
  updated_at: string
}

export interface PostalView extends PostalChoice {
  dossier_id: string
  chosen: boolean
  orders: PostalOrder[]
}

export function getPostal(id: string): Promise<PostalView> {
  return apiRequest(`/dossiers/${seg(id)}/postal`)
}

export function setPostal(id: string, choice: PostalChoice): Promise<PostalView> {
  return apiRequest(`/dossiers/${seg(id)}/postal`, { method: 'PUT', body: choice })
}

export interface WebhookSubscription {
  id: string
  url: string
  event_types: string[]
  description: string
  active: boolean
  created_by: string
  created_at: string
  disabled_at: string
  disabled_reason: string
  secret?: string
}

export interface WebhookDelivery {
  id: number
  idempotency_key: string
  created_at: string
  attempts: number
  last_error: string
  state: 'pending' | 'retrying' | 'delivered'
  delivered_at: string
}

export function listWebhooks(): Promise<WebhookSubscription[]> {
  return apiRequest('/admin/webhooks')
}

export function registerWebhook(body: {
  url: string
  event_types: string[]
  description: string
  reason: string
}): Promise<WebhookSubscription> {
  return apiRequest('/admin/webhooks', { method: 'POST', body })
}

export function disableWebhook(id: string, reason: string): Promise<WebhookSubscription> {
  return apiRequest(`/admin/webhooks/${seg(id)}/disable`, { method: 'POST', body: { reason } })
}

export function webhookDeliveries(id: string): Promise<WebhookDelivery[]> {
  return apiRequest(`/admin/webhooks/${seg(id)}/deliveries`)
}
