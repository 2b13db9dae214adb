/**
 * Serialiser for the hot list responses (task lists): fast-json-stringify compiled from the
 * route's zod response schema, instead of encoding every row through zod and then JSON.stringify.
 * The rows come from typed queries, so checking them again on the way out guards nothing in
 * production; the compiled stringifier still writes only the schema's fields. Under the test
 * runner every response is also checked against the zod schema, as the default serialiser does,
 * so a route that drifts from its contract fails its tests.
 */
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

const checkInTests = Boolean(process.env.VITEST);

/** A route's `serializerCompiler` for responses that are zod schemas. */
export const listSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const zodSchema = schema as z.ZodType;
  const stringify = fastJson(z.toJSONSchema(zodSchema, { io: 'output', target: 'draft-7', unrepresentable: 'any' }) as Parameters<typeof fastJson>[0]);
  return (data: unknown) => {
    if (checkInTests) {
      const result = z.safeEncode(zodSchema, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    }
    return stringify(data);
  };
};
