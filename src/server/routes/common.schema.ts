/** Schemas shared by several routes (errors, references, paging). */
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../../domain/error-catalogue.ts';

export const ErrorSchema = z.object({
  // Documented as the catalogue's codes (the web's ErrorCode union) without refusing to send another.
  code: z.string().meta({ enum: Object.keys(ERROR_CATALOGUE) }).describe('稳定的错误码，客户端据此分支'),
  message: z.string().describe('给人看的中文说明'),
  details: z.unknown().optional(),
}).describe('错误').meta({ id: 'Error' });

export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const RegionRef = z.object({ id: z.number(), name: z.string(), level: z.string() });
export const UnitRefSchema = z.object({ id: z.number(), name: z.string() });

/** Standard error responses, so the OpenAPI document lists them for each route. */
export const errorResponses = {
  400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema,
} as const;
