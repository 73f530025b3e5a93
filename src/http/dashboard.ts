// Serves the dashboard's built files (dashboard/dist, `vite build dashboard`) at `/`. Returns
// false for paths it does not own, so the caller can answer 404. Only files that exist under
// dist are served (no directory listing, no dotfiles, nothing outside it); `/` is index.html.
// Without a build, `/` answers a short page that says how to make one.
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The page talks only to this origin (fetch and WebSocket to /graphql) and loads only its own
// files; nothing inline.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const DIST = resolve(packageRoot, 'dashboard', 'dist');

/** The file under `root` that a URL path names, or undefined (malformed, hidden, outside root, not a file). */
export function resolveAsset(root: string, urlPath: string): { file: string; stats: Stats } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return undefined;
  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return undefined;
  try {
    const stats = statSync(file);
    return stats.isFile() ? { file, stats } : undefined;
  } catch {
    return undefined;
  }
}

export function serveDashboard(req: IncomingMessage, res: ServerResponse, root = DIST): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?')[0];
  const isIndex = path === '/' || path === '/index.html';
  const asset = resolveAsset(root, isIndex ? '/index.html' : path);
  if (!asset) {
    if (!isIndex) return false;
    send(req, res, 503, 'text/html; charset=utf-8', 'no-store', NOT_BUILT);
    return true;
  }

  const etag = `W/"${asset.stats.size.toString(16)}-${Math.floor(asset.stats.mtimeMs).toString(16)}"`;
  // Vite names built assets by content hash: they never change. Everything else is revalidated.
  const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[extname(asset.file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cache,
    etag,
    'last-modified': asset.stats.mtime.toUTCString(),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': asset.stats.size });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(asset.file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, cache: string, body: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cache, 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ML jobs: dashboard not built</title></head>
<body>
<main>
<h1>The dashboard has not been built</h1>
<p>The service is running: GraphQL is at <a href="/graphql">/graphql</a>. To serve the dashboard here, build it once:</p>
<pre>npm run build:dashboard</pre>
<p>(<code>npm ci</code> builds it too), then reload this page.</p>
</main>
</body>
</html>
`;
