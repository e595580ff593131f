#!/usr/bin/env node
// Serves the built residents' portal (portal/dist) as a district's web server would: static files,
// nothing else. `node scripts/serve-portal.mjs [port] [dir] [chain-spec.json]`; scripts/dev.sh runs
// it on port 3000 with the development chain's spec, for the in-browser light client.
// Importable: `servePortal({ port, dir })` resolves with the server once it listens.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PORTAL_DIST = resolve(HERE, '..', 'portal', 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves `dir` on `host:port`; `files` maps extra paths to contents (e.g. a development chain's
 * spec as `/chain-spec.json`, which the light client loads).
 */
export function servePortal({ port = 3000, host = '127.0.0.1', dir = PORTAL_DIST, files = {} } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path in files) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(files[path]);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const found = (await stat(file)).isFile() ? file : join(root, 'index.html');
      const body = await readFile(found);
      res.writeHead(200, {
        'content-type': TYPES[extname(found)] ?? 'application/octet-stream',
        // Hashed asset names never change; the page itself is always re-read.
        'cache-control': found.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, host, () => res(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 3000);
  const dir = process.argv[3] ?? PORTAL_DIST;
  const spec = process.argv[4];
  const files = spec ? { '/chain-spec.json': await readFile(spec) } : {};
  servePortal({ port, dir, files }).then(
    () => console.log(`portal: http://127.0.0.1:${port} (serving ${dir})`),
    (e) => { console.error(`portal: cannot listen on ${port}: ${e.message}`); process.exit(1); },
  );
}
