import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The web app's Content-Security-Policy: scripts and styles only from Accord itself (Vite's build has no inline
 * script), no framing by anyone, no plugins. The favicon and fonts may be data: URIs.
 */
export const WEB_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // Helmet's default would make a plain-HTTP deployment (the demo on localhost) load nothing.
  upgradeInsecureRequests: null,
};

/** Swagger UI's own page: the same, except that it sets inline styles (never inline scripts). */
export const API_DOCS_CSP =
  "default-src 'self'; base-uri 'self'; connect-src 'self'; font-src 'self' data:; form-action 'self'; " +
  "frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; " +
  "style-src 'self' 'unsafe-inline'";

const HSTS = 'max-age=31536000';

/**
 * Security headers on every answer (@fastify/helmet), HSTS only when the request came over HTTPS (directly, or
 * through a proxy named in TRUST_PROXY), and `Cache-Control: no-store` on every API answer: they carry personal
 * data, and so do the PDFs and CSVs the API serves.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: WEB_CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    // Sent below, only over HTTPS: an HSTS header on plain HTTP is ignored by browsers and misleads readers.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api' || path === '/metrics') reply.header('cache-control', 'no-store');
  });
}
