#!/usr/bin/env node
// npm start: the broker and the console together.
//
//   npm start [-- <broker arguments>]      e.g. npm start -- --override log.dirs=/var/lib/tarn
//
// Starts the broker (apps/broker/bin/tarn-broker.js, with every argument passed through), builds
// the console when it has no production build or its sources changed since (next build, offline),
// starts the console's server pointed at the broker's admin API, prints the console's URL, and
// stops both on Ctrl-C / SIGTERM (or when either exits). Environment: PORT / HOST for the console
// (default 127.0.0.1:3000), TARN_ADMIN_URL to override the admin API address the console uses.
import { existsSync, readFileSync } from 'node:fs';
import { buildConsoleIfNeeded, runBroker, startConsole } from './lib/launcher.mjs';

const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

/** The admin listener the broker will use: --override admin.listeners=…, else --config's, else the default. */
function adminUrl() {
  if (process.env.TARN_ADMIN_URL) return process.env.TARN_ADMIN_URL;
  let value = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--config' && args[i + 1] !== undefined && existsSync(args[i + 1])) {
      const m = /^\s*admin\.listeners\s*[=:]\s*(\S+)/m.exec(readFileSync(args[i + 1], 'utf8'));
      if (m !== null) value = m[1];
    }
    const o = a === '--override' ? args[i + 1] : a.startsWith('--override=') ? a.slice('--override='.length) : null;
    if (o?.startsWith('admin.listeners=')) value = o.slice('admin.listeners='.length);
  }
  const url = new URL((value ?? 'http://127.0.0.1:9644').split(',')[0].trim());
  // a wildcard bind is reached on loopback
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]' || url.hostname === '') url.hostname = '127.0.0.1';
  return url.origin;
}

const admin = adminUrl();
runBroker('broker', args);
await buildConsoleIfNeeded();
await startConsole(admin, `broker admin API ${admin}`);
