// Starts the real `motcua` binary for the browser tests: a fresh demo province in a temporary
// folder, served on a free loopback port with a frozen clock.
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/**
 * The demo simulates its dossiers backwards from the real clock at the moment it is built, so the
 * server's clock is frozen at that same moment (just after the build): the data and the server
 * agree on "now", and nothing moves during the run (lateness, due dates of newly accepted dossiers
 * and the day part of new dossier codes stay put however long the tests take).
 */
export function vietnamTimeNow() {
  const shifted = new Date(Date.now() + 7 * 3600 * 1000)
  return `${shifted.toISOString().slice(0, 19)}+07:00`
}

export function buildDemo({ binary, root, db }) {
  const result = spawnSync(binary, ['demo', '--db', db], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`motcua demo failed (${result.status}): ${result.stderr}`)
  }
  return JSON.parse(result.stdout)
}

/** Resolves with { url, stop } once the server printed its "listening" line. */
// `extraArgs`: more serve options (a test that needs a second server, e.g. one with an identity
// provider: oidc-login.test.mjs).
export function startServer({ binary, root, db, staticDir, fakeNow, logFile, extraArgs = [], signingDir }) {
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--static-dir', staticDir, '--fake-now', fakeNow, ...extraArgs]
  if (signingDir) args.push('--signing-dir', signingDir)
  const child = spawn(binary, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const log = createWriteStream(logFile)
  child.stderr.pipe(log)

  return new Promise((resolve, reject) => {
    let started = false
    const timer = setTimeout(() => fail(new Error('motcua serve did not start within 30 s')), 30_000)
    function fail(error) {
      clearTimeout(timer)
      child.kill('SIGTERM')
      reject(error)
    }
    child.once('error', fail)
    child.once('exit', (code) => {
      if (!started) fail(new Error(`motcua serve exited with ${code} before listening (log: ${logFile})`))
    })
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      log.write(`${line}\n`)
      if (started) return
      let message
      try {
        message = JSON.parse(line)
      } catch {
        return
      }
      if (message.status !== 'listening') return
      started = true
      clearTimeout(timer)
      resolve({
        url: message.url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}

export function tempPaths(dir) {
  return { db: join(dir, 'demo.db'), logFile: join(dir, 'server.log') }
}

/**
 * Starts a partner emulator (tools/emulators/<name>.py) on a free loopback port, as the
 * integration tests do (src/integrations/testing/python_emulator.hpp): resolves with { url, stop }
 * once it printed its {"status":"listening","url":...} line.
 */
export function startEmulator({ root, name }) {
  const child = spawn('python3', [join(root, 'tools/emulators', `${name}.py`), '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`emulator ${name} did not start within 15 s`))
    }, 15_000)
    child.once('error', reject)
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => {
      clearTimeout(timer)
      const url = JSON.parse(line).url
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}
