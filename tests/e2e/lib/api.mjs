// A tiny API client for test set-up (creating dossiers as an applicant) and for the calls a test
// forces past the UI. It keeps the session cookie and the CSRF token the way a browser would.
export const PASSWORD = 'motcua-demo-2026'

export function baseUrl() {
  const url = process.env.MOTCUA_E2E_URL
  if (!url) throw new Error('MOTCUA_E2E_URL is not set: run the tests through tests/e2e/run.mjs')
  return url
}

export async function apiSession(username) {
  const response = await fetch(`${baseUrl()}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`)
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const { csrf_token: csrf, user } = await response.json()

  async function call(method, path, body) {
    const headers = { Cookie: cookie, Accept: 'application/json' }
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  return {
    user,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    delete: (path, body) => call('DELETE', path, body),
    /** Uploads a file's bytes as the raw body (POST /dossiers/{id}/papers?name=...). */
    upload: async (path, bytes, contentType, fileName) => {
      const res = await fetch(`${baseUrl()}/api/v1${path}`, {
        method: 'POST',
        headers: {
          Cookie: cookie,
          Accept: 'application/json',
          'X-CSRF-Token': csrf,
          'Content-Type': contentType,
          'X-File-Name': encodeURIComponent(fileName),
        },
        body: bytes,
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
  }
}

/** Submits an online dossier to Phường Hoa Lư as congdan.an, ready for reception. */
export async function submitBirthRegistration(applicantName) {
  const an = await apiSession('congdan.an')
  const created = await an.post('/dossiers', {
    procedure_code: '1.001193',
    agency_id: 'commune-14329',
    receiving_unit_id: 'mc-14329',
    channel: 'online',
    return_channel: 'counter',
    applicant: { name: applicantName, id_number: '037090001234', phone: '0912345678' },
    submit: true,
  })
  if (created.status !== 201) throw new Error(`create dossier: ${created.status} ${JSON.stringify(created.body)}`)
  return created.body
}

/** An online birth registration accepted by Hoa Lư's reception and taken by its processing
 * official (chuyenvien.hoalu): the starting point of the processing journeys. */
export async function birthRegistrationInProcessing(applicantName) {
  const dossier = await submitBirthRegistration(applicantName)
  const reception = await apiSession('tiepnhan.hoalu')
  const accepted = await reception.post(`/dossiers/${dossier.id}/accept`, {})
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`)
  const official = await apiSession('chuyenvien.hoalu')
  const taken = await official.post(`/dossiers/${dossier.id}/assign`, { official_id: official.user.id })
  if (taken.status !== 200) throw new Error(`assign: ${taken.status} ${JSON.stringify(taken.body)}`)
  return dossier
}
