// A REAL OpenID Connect provider on loopback for tests and demonstrations (npm `oidc-provider`,
// installed in tests/oidc by scripts/oidc-test-deps). It stands in for the national portal's SSO
// (VNeID is reached only through it, docs/integrations.md "Identity (OIDC)"): one confidential
// client (client_secret_basic, PKCE S256 required), one test citizen with an ID-number claim, and
// interactions approved at once (no login form: the test chooses who logs in through /_control).
//
//   node tools/emulators/oidc_provider.mjs --port 0 --client-id ID --client-secret-file FILE
//        [--id-claim citizen_id]
// prints {"status":"listening","url":<issuer>} once it listens, as the Python emulators do.
//
// Test-only controls (POST /_control with a JSON body):
//   {"user": {"sub": "...", "name": "...", "citizen_id": "..."}}   who logs in next
//   {"mode": M, "count": N}   the next N ID tokens are spoiled: "expired", "wrong_nonce",
//     "wrong_audience", "wrong_issuer", "other_key" (signed by a key not in the JWKS, same kid),
//     "alg_none" (unsigned), "hs256" (HMAC with the client secret)
// GET /_received lists the token requests taken (grant type, whether code_verifier was sent, the
// client authentication scheme), never the secrets.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, '..', '..', 'tests', 'oidc', 'node_modules');
const { default: Provider } = await import(
  pathToFileURL(join(modules, 'oidc-provider', 'lib', 'index.js')).href);
const jose = await import(pathToFileURL(join(modules, 'jose', 'dist', 'webapi', 'index.js')).href);

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('--port', '0'));
const clientId = arg('--client-id', 'motcua');
const secretFile = arg('--client-secret-file', '');
const clientSecret = secretFile ? readFileSync(secretFile, 'utf8').trim() : 'motcua-test-secret';
const idClaim = arg('--id-claim', 'citizen_id');

// Keys made at start: nothing secret is stored in the repository.
const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await jose.exportJWK(privateKey)), kid: 'motcua-test-rs256', alg: 'RS256', use: 'sig' };
const other = await jose.generateKeyPair('RS256', { extractable: true });

let user = { sub: 'citizen-001', name: 'Nguyễn Văn An', [idClaim]: '001090012345' };
let spoil = { mode: '', count: 0 };
const received = [];

const server = createServer();
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    // A loopback redirect: any port of 127.0.0.1 is accepted (RFC 8252 section 7.3), since the
    // tests start MotCua on a free port after this provider.
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/api/v1/auth/oidc/callback'],
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['motcua-test-cookie-key'] },
  pkce: { required: () => true },
  // The ID number and name go in the ID token itself (MotCua reads no userinfo endpoint).
  conformIdTokenClaims: false,
  claims: { openid: ['sub'], profile: ['name'], [idClaim]: [idClaim] },
  scopes: ['openid', 'profile', idClaim],
  features: { devInteractions: { enabled: false } },
  findAccount: async (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ ...user, sub }),
  }),
  ttl: { IdToken: 600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
  renderError: async (ctx, out) => {
    ctx.type = 'json';
    ctx.body = out;
  },
});
provider.proxy = false;

async function spoiled(idToken, mode) {
  const payload = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = privateKey;
  if (mode === 'expired') Object.assign(payload, { iat: now - 3600, exp: now - 1800 });
  if (mode === 'wrong_nonce') payload.nonce = 'not-the-nonce';
  if (mode === 'wrong_audience') payload.aud = 'another-client';
  if (mode === 'wrong_issuer') payload.iss = 'http://127.0.0.1:1';
  if (mode === 'other_key') key = other.privateKey;
  if (mode === 'alg_none') {
    const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(payload)}.`;
  }
  if (mode === 'hs256') {
    return new jose.SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: signingJwk.kid })
      .sign(new TextEncoder().encode(clientSecret));
  }
  return new jose.SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid }).sign(key);
}

// Spoils the ID token of a token answer when the test asked for it.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || ctx.method !== 'POST') return;
  const auth = ctx.get('authorization');
  received.push({
    grant_type: ctx.oidc?.params?.grant_type ?? '',
    code_verifier_sent: Boolean(ctx.oidc?.params?.code_verifier),
    client_auth: auth.split(' ')[0] ?? '',
    status: ctx.status,
  });
  if (spoil.count > 0 && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    spoil.count -= 1;
    ctx.body = { ...ctx.body, id_token: await spoiled(ctx.body.id_token, spoil.mode) };
  }
});

// Interactions approved at once: the login is the test user's, the consent every scope asked.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  let result;
  if (prompt.name === 'login') {
    result = { login: { accountId: user.sub } };
  } else {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    grant.addOIDCScope(String(params.scope));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => resolve(data));
  });
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    if (req.url === '/_control' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}');
      if (body.user) user = { ...body.user };
      if (body.mode !== undefined) spoil = { mode: body.mode, count: body.count ?? 1 };
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (req.url === '/_received') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
      return;
    }
    if (req.url.startsWith('/interaction/')) {
      await interaction(req, res);
      return;
    }
    callback(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: String(e?.message ?? e) }));
  }
});

process.on('SIGTERM', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ status: 'listening', url: issuer })}\n`);
