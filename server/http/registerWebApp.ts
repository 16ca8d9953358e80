import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ApiError } from '../../shared/api.ts';
import { PUBLIC_ROUTE } from '../api/routeAccess.ts';
import type { Logger } from '../logger.ts';

/**
 * Serves the built client, every route declared public: one route per file of the build (as found at
 * start), and for any other GET the app's index.html, so that shared links (`/w/…`) work. Paths that
 * look like the API however they are written (`/API/…`, `/%61pi/…`, `//api/…`) and unknown assets get
 * a JSON 404 instead; so does every other unmatched request (the not-found handler serves nothing else).
 */
export async function registerWebApp(app: FastifyInstance, root: string, log: Logger): Promise<void> {
  const built = fs.existsSync(path.join(root, 'index.html'));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found' } satisfies ApiError));
  if (!built) {
    log.warn({ root }, 'no built web app found: run `npm run build` (npm start does it for you)');
    app.get('/*', { config: PUBLIC_ROUTE }, (request, reply) => {
      if (looksLikeApiOrAsset(request.url)) return reply.code(404).send({ error: 'not found' } satisfies ApiError);
      return reply.code(503).type('text/plain').send('The web app is not built yet: run `npm run build`.');
    });
    return;
  }
  await app.register(fastifyStatic, {
    root,
    serve: false,
    index: false,
    // Cache-Control comes from setHeaders alone (send's own would replace it).
    cacheControl: false,
    setHeaders(res, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  for (const file of builtFiles(root)) {
    app.get(`/${file}`, { config: PUBLIC_ROUTE }, (_request, reply) => reply.sendFile(file));
  }
  app.get('/*', { config: PUBLIC_ROUTE }, (request, reply) => {
    if (looksLikeApiOrAsset(request.url)) return reply.code(404).send({ error: 'not found' } satisfies ApiError);
    return reply.sendFile('index.html');
  });
}

/** The files under `root`, as URL paths relative to it (`/` separators), leaving out dot files. */
function builtFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/**
 * Whether a request path is under /api or /assets once decoded and normalised (any case, repeated or
 * back slashes, `.` and `..` segments), so that no way of writing an API path gets the web app instead.
 */
function looksLikeApiOrAsset(url: string): boolean {
  let pathname = url.split('?')[0] ?? '';
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // Undecodable: judged as written.
  }
  return /^\/(api|assets)(\/|$)/i.test(path.posix.normalize(pathname.replaceAll('\\', '/')));
}
