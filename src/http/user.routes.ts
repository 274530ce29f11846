import { z } from 'zod';
import { idSchema, partySchema, roleSchema } from '../core/model/common.ts';
import { newUserSchema, userPatchSchema, usernameSchema } from '../core/model/user.ts';
import { caller, originOf } from './auth.hook.ts';
import type { ApiRoutes } from './route-types.ts';
import { replies } from './schemas.ts';
import { toJsonSchema } from './zod-provider.ts';

const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  party: partySchema,
  roles: z.array(roleSchema),
  jccIds: z.array(idSchema),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// Bodies are documented here and validated by UserService, after its permission check.
const newUserDoc = toJsonSchema(newUserSchema, 'input');
const userPatchDoc = toJsonSchema(userPatchSchema, 'input');

/** Staff accounts, for administrators of the same party (UserService decides who may do what). */
export const userRoutes: ApiRoutes = async (app, { services }) => {
  const { users } = services;
  const tags = ['users'];

  app.get('/users', {
    schema: { tags, summary: 'Accounts of your party', response: replies({ 200: z.object({ items: z.array(userSchema) }) }, [403]) },
  }, async (req) => ({ items: await users.list(caller(req)) }));

  app.post('/users', {
    schema: { tags, summary: 'Create an account of your party', body: newUserDoc, response: replies({ 201: userSchema }, [403, 409], { body: true }) },
  }, async (req, reply) => reply.code(201).send(await users.add(caller(req), req.body, originOf(req))));

  app.patch('/users/:username', {
    schema: {
      tags,
      summary: 'Change roles, JCC assignments, password, or disable an account (signs it out everywhere)',
      params: z.strictObject({ username: usernameSchema }),
      body: userPatchDoc,
      response: replies({ 200: userSchema }, [403, 404], { body: true }),
    },
  }, async (req) => users.update(caller(req), req.params.username, req.body, originOf(req)));
};
