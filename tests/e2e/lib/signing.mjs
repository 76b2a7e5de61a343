// A signing folder for the browser tests' server (--signing-dir): a throwaway CA and one agency
// certificate it issued, made with the OpenSSL command line at run time, as
// <agency-code>.p12 and <agency-code>.password (docs/integrations.md "Signing"). No key is kept in
// the repository.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function makeSigningDir(dir, agencyCode, commonName) {
  mkdirSync(dir, { recursive: true })
  const run = (args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-utf8', '-subj', '/C=VN/O=MotCua Test CA/CN=MotCua Test Root CA'])
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'agency.key', '-out', 'agency.csr', '-utf8', '-subj', `/C=VN/O=MotCua/CN=${commonName}`])
  run(['x509', '-req', '-in', 'agency.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '30', '-out', 'agency.pem'])
  const password = 'e2e-signing'
  run(['pkcs12', '-export', '-inkey', 'agency.key', '-in', 'agency.pem', '-certfile', 'ca.pem', '-out', `${agencyCode}.p12`, '-passout', `pass:${password}`])
  writeFileSync(join(dir, `${agencyCode}.password`), `${password}\n`)
  return dir
}

/** The code of an agency of the demo province, read from its database with the sqlite3 CLI. */
export function agencyCode(db, agencyId) {
  return execFileSync('sqlite3', [db, `SELECT code FROM agencies WHERE id = '${agencyId}'`], { encoding: 'utf8' }).trim()
}
