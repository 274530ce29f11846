import type { FastifyReply, FastifyRequest } from 'fastify';
import { validationError } from '../core/errors.ts';
import { KINDS, type RecordKind } from '../core/model/kinds.ts';
import type { RecordView } from '../services/record-view.ts';
import { caller, originOf } from './auth.hook.ts';
import { createBody, listDoc, patchBody, recordViewDoc, releaseBody } from './record.schemas.ts';
import type { ApiRoutes } from './route-types.ts';
import { idParams, noContent, recordListQuery, replies, versionQuery } from './schemas.ts';

const IF_MATCH_RE = /^(?:W\/)?"?(\d{1,10})"?$/;

/** The version a change is based on: from the body (or query) or the If-Match header, which must agree. */
export function versionFrom(req: FastifyRequest, sent: number | undefined): number {
  const header = req.headers['if-match'];
  let fromHeader: number | undefined;
  if (header !== undefined) {
    const m = IF_MATCH_RE.exec(header.trim());
    if (!m) throw validationError('If-Match must be the record version, e.g. "3"', [{ path: 'If-Match', message: 'not a version' }]);
    fromHeader = Number(m[1]);
  }
  if (sent !== undefined && fromHeader !== undefined && sent !== fromHeader) {
    throw validationError('the version and If-Match differ', [{ path: 'version', message: `differs from If-Match ${fromHeader}` }]);
  }
  const version = sent ?? fromHeader;
  if (version === undefined) throw validationError('send the version you last read, as `version` or in If-Match', [{ path: 'version', message: 'required' }]);
  return version;
}

const withEtag = (reply: FastifyReply, view: RecordView): RecordView => {
  void reply.header('etag', `"${view.version}"`);
  return view;
};

/** The same six endpoints for every shareable record type; rules and access live in RecordService. */
export const recordRoutes: ApiRoutes = async (app, { services }) => {
  const { records } = services;
  for (const kind of Object.values(KINDS)) registerKind(kind);

  function registerKind(kind: RecordKind): void {
    const base = `/${kind.plural}`;
    const tags = [kind.plural];
    const view = recordViewDoc(kind);

    app.get(base, {
      schema: { tags, summary: `List the ${kind.plural} you may read`, querystring: recordListQuery, response: replies({ 200: listDoc(view) }, [400]) },
    }, async (req) => {
      const { count, jcc, ...filters } = req.query;
      return records.list(caller(req), kind.type, { ...filters, ...(jcc ? { jccId: jcc } : {}), ...(count ? { withTotal: true } : {}) });
    });

    app.get(`${base}/:id`, {
      schema: { tags, summary: `Read one ${kind.type}`, params: idParams, response: replies({ 200: view }, [400, 404]) },
    }, async (req, reply) => withEtag(reply, await records.get(caller(req), kind.type, req.params.id)));

    app.post(base, {
      schema: { tags, summary: `Create a ${kind.type} (scope "own" until released)`, body: createBody(kind), response: replies({ 201: view }, [403, 409], { body: true }) },
    }, async (req, reply) => {
      const { tlp, ...data } = req.body;
      const created = await records.create(caller(req), kind.type, data, { ...originOf(req), ...(tlp ? { tlp } : {}) });
      return reply.code(201).header('location', `/api${base}/${created.id}`).send(withEtag(reply, created));
    });

    app.patch(`${base}/:id`, {
      schema: { tags, summary: `Change a ${kind.type}`, params: idParams, body: patchBody(kind), response: replies({ 200: view }, [403, 404, 409], { body: true }) },
    }, async (req, reply) => {
      const { version, ...patch } = req.body;
      return withEtag(reply, await records.update(caller(req), kind.type, req.params.id, versionFrom(req, version), patch, originOf(req)));
    });

    app.delete(`${base}/:id`, {
      schema: { tags, summary: `Delete a ${kind.type} (leaves a tombstone)`, params: idParams, querystring: versionQuery, response: replies({ 204: noContent }, [400, 403, 404, 409]) },
    }, async (req, reply) => {
      await records.remove(caller(req), kind.type, req.params.id, versionFrom(req, req.query.version), originOf(req));
      return reply.code(204).send();
    });

    app.post(`${base}/:id/release`, {
      schema: { tags, summary: `Set who may receive a ${kind.type} (scope) and its TLP label`, params: idParams, body: releaseBody, response: replies({ 200: view }, [403, 404, 409], { body: true }) },
    }, async (req, reply) => {
      const { version, scope, tlp } = req.body;
      return withEtag(reply, await records.release(caller(req), kind.type, req.params.id, versionFrom(req, version), scope, tlp, originOf(req)));
    });
  }
};
