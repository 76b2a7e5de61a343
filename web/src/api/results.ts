// The signed result file of a dossier (POST /dossiers/{id}/result, GET /dossiers/{id}/result.pdf):
// attached by an official once the result is ready, signed by the server with the agency's key.
import { apiRequest } from './client'

export interface ResultFile {
  dossier_id: string
  file_name: string
  size: number
  sha256: string
  source: 'uploaded' | 'generated'
  signer_subject: string
  signed_at: string
  attached_by: string
  attached_at: string
  download_url: string
}

const segment = (id: string) => encodeURIComponent(id)

/** Signs and attaches `file` (a PDF), or the result notice generated from the dossier when none. */
export function attachResult(id: string, file?: File): Promise<ResultFile> {
  if (!file) return apiRequest(`/dossiers/${segment(id)}/result?generate=1`, { method: 'POST', body: {} })
  const headers: Record<string, string> = {}
  if (file.name) headers['X-File-Name'] = encodeURIComponent(file.name)
  return apiRequest(`/dossiers/${segment(id)}/result`, {
    method: 'POST',
    raw: { data: file, contentType: file.type || 'application/pdf' },
    headers,
  })
}

export function resultFileUrl(id: string): string {
  return `/api/v1/dossiers/${segment(id)}/result.pdf`
}
