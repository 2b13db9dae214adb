/** Unit aliases, added by the office while reviewing an import (or any time). */
import { requireActor, type App, type AppContext } from '../context.ts';
import { addUnitAlias } from '../use-cases/imports/add-unit-alias.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';
import { AliasBody, UnitAliasesSchema } from './imports.schema.ts';

/** Registers POST /api/units/:id/aliases. */
export function unitAliasRoutes(app: App, ctx: AppContext): void {
  app.post('/api/units/:id/aliases', {
    schema: {
      tags: ['单位'], summary: '为单位添加简称（优化办）', params: IdParams, body: AliasBody,
      response: { 200: UnitAliasesSchema, 201: UnitAliasesSchema, 409: ErrorSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const { added, ...unit } = await addUnitAlias(ctx.db, requireActor(request), request.params.id, request.body.alias);
    return reply.status(added ? 201 : 200).send(unit);
  });
}
