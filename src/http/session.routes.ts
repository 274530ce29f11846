import { z } from 'zod';
import type { Principal } from '../core/model/common.ts';
import { safeText } from '../core/text/safe-text.ts';
import { caller, originOf, SESSION_COOKIE } from './auth.hook.ts';
import type { ApiRoutes } from './route-types.ts';
import { idParams, noContent, replies, userSummarySchema } from './schemas.ts';

const loginBody = z.strictObject({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) });
const sessionSchema = z.object({ user: userSummarySchema, expiresAt: z.string() });
const tokenSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(), userId: z.string() });

const summary = (p: Principal) => ({ username: p.username, party: p.party, roles: p.roles, jccIds: p.jccIds });

/** Sign-in for people (cookie) and API tokens for machines (bearer). */
export const sessionRoutes: ApiRoutes = async (app, { services, secureCookies }) => {
  const { auth } = services;
  const cookieOptions = { httpOnly: true, sameSite: 'strict', path: '/', secure: secureCookies } as const;

  app.post('/session', {
    config: { public: true },
    schema: {
      tags: ['session'],
      summary: `Sign in: sets the ${SESSION_COOKIE} cookie`,
      security: [],
      body: loginBody,
      response: replies({ 200: sessionSchema }, [401], { body: true }),
    },
  }, async (req, reply) => {
    const s = await auth.login(req.body.username, req.body.password, originOf(req));
    const maxAge = Math.max(0, Math.floor((Date.parse(s.expiresAt) - services.ctx.now().getTime()) / 1000));
    void reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOptions, maxAge });
    return { user: summary(s.user), expiresAt: s.expiresAt };
  });

  app.get('/session', {
    schema: { tags: ['session'], summary: 'Who am I', response: replies({ 200: z.object({ user: userSummarySchema }) }, []) },
  }, async (req) => ({ user: summary(caller(req)) }));

  app.delete('/session', {
    schema: { tags: ['session'], summary: 'Sign out: ends the session and clears the cookie', response: replies({ 204: noContent }, []) },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token, originOf(req));
    void reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.code(204).send();
  });

  app.post('/tokens', {
    schema: {
      tags: ['session'],
      summary: 'Create an API token for a machine; the token is shown only in this reply',
      body: z.strictObject({ name: safeText(100, { min: 1 }) }),
      response: replies({ 201: z.object({ id: z.string(), name: z.string(), token: z.string() }) }, [], { body: true }),
    },
  }, async (req, reply) => reply.code(201).send(await auth.createApiToken(caller(req), req.body.name, originOf(req))));

  app.get('/tokens', {
    schema: { tags: ['session'], summary: 'Your API tokens (without their secrets)', response: replies({ 200: z.object({ items: z.array(tokenSchema) }) }, []) },
  }, async (req) => ({ items: await auth.listApiTokens(caller(req)) }));

  app.delete('/tokens/:id', {
    schema: { tags: ['session'], summary: 'Revoke one of your API tokens', params: idParams, response: replies({ 204: noContent }, [400, 404]) },
  }, async (req, reply) => {
    await auth.revokeApiToken(caller(req), req.params.id, originOf(req));
    return reply.code(204).send();
  });
};
