import express from 'express';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { getCookie, setCookie } from 'hono/cookie';
import serverless from 'serverless-http';

/** A Lambda handler as a framework adapter exports it. */
// biome-ignore lint/suspicious/noExplicitAny: the adapters' own handler types differ; the gateway accepts any Lambda
export type App = (event: any, context: any) => Promise<any>;

/** A tiny PNG signature plus bytes that are not valid UTF-8: any text decoding would corrupt them. */
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0x7f,
]);

/** The same routes written in Hono, served through `hono/aws-lambda`'s `handle`. */
export function honoApp(): App {
  const app = new Hono();
  app.get('/users/:id', (c) =>
    c.json({ id: c.req.param('id'), tag: c.req.queries('tag') ?? [], sort: c.req.query('sort') ?? null }),
  );
  app.post('/users', async (c) => {
    const body = (await c.req.json()) as Record<string, unknown>;
    c.header('X-Created-By', 'hono');
    return c.json({ created: body }, 201);
  });
  app.get('/cookies', (c) => {
    setCookie(c, 'a', '1', { path: '/' });
    setCookie(c, 'b', '2', { httpOnly: true });
    return c.json({ session: getCookie(c, 'session') ?? null, theme: getCookie(c, 'theme') ?? null });
  });
  app.get('/image.png', (c) => c.body(PNG.slice().buffer, 200, { 'Content-Type': 'image/png' }));
  app.get('/boom', () => {
    throw new Error('kaput');
  });
  app.get('/missing', (c) => c.notFound());
  app.get('/echo-headers', (c) => c.json(c.req.header()));
  return handle(app) as App;
}

/** The same routes in Express 5, served through serverless-http. */
export function expressApp(options: { binary?: string[] } = {}): App {
  const app = express();
  app.use(express.json());
  app.get('/users/:id', (req, res) => {
    const tag = req.query.tag;
    res.json({
      id: req.params.id,
      tag: tag === undefined ? [] : Array.isArray(tag) ? tag : [tag],
      sort: req.query.sort ?? null,
    });
  });
  app.post('/users', (req, res) => {
    res.set('X-Created-By', 'express');
    res.status(201).json({ created: req.body as unknown });
  });
  app.get('/cookies', (req, res) => {
    res.cookie('a', '1', { path: '/' });
    res.cookie('b', '2', { httpOnly: true });
    const cookies = parseCookies(req.headers.cookie);
    res.json({ session: cookies.session ?? null, theme: cookies.theme ?? null });
  });
  app.get('/image.png', (_req, res) => {
    res.type('image/png').send(Buffer.from(PNG));
  });
  app.get('/boom', () => {
    throw new Error('kaput');
  });
  app.get('/echo-headers', (req, res) => {
    res.json({ headers: req.headers, rawHeaders: req.rawHeaders });
  });
  return serverless(app, { binary: options.binary ?? ['image/*'] }) as App;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
