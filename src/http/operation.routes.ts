import { z } from 'zod';
import { KINDS } from '../core/model/kinds.ts';
import { operationApprovalSchema } from '../core/model/operation.ts';
import { caller, originOf } from './auth.hook.ts';
import { recordViewDoc } from './record.schemas.ts';
import type { ApiRoutes } from './route-types.ts';
import { idParams, replies } from './schemas.ts';

const decisionBody = operationApprovalSchema.omit({ operationId: true });

const approvalStateSchema = z.object({
  planRevision: z.number().int(),
  approvals: z.array(z.object({ party: z.string(), at: z.string(), decision: z.string(), planRevision: z.number().int(), comment: z.string() })),
  missing: z.array(z.string()).meta({ description: 'parties whose approval of the current plan revision is missing' }),
});

/** Two-party approval of joint operations: each commander records a decision on a plan revision. */
export const operationRoutes: ApiRoutes = async (app, { services }) => {
  const tags = ['operations'];

  app.post('/operations/:id/approvals', {
    schema: {
      tags,
      summary: "Record your party's decision on the operation's current plan revision",
      params: idParams,
      body: decisionBody,
      response: replies({ 201: recordViewDoc(KINDS['operation-approval']) }, [403, 409], { body: true }),
    },
  }, async (req, reply) => reply.code(201).send(await services.operations.decide(caller(req), req.params.id, req.body, originOf(req))));

  app.get('/operations/:id/approvals', {
    schema: { tags, summary: 'Approvals of the operation and the parties still missing', params: idParams, response: replies({ 200: approvalStateSchema }, [400, 404]) },
  }, async (req) => services.operations.approvalState(caller(req), req.params.id));
};
