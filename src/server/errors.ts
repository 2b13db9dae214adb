/**
 * The HTTP edge of the error catalogue (src/domain/error-catalogue.ts): each error kind's status,
 * and the Fastify error handler that sends every failure as `{code, message[, details]}`. Use
 * cases never import this module; they throw `appError(code)` from src/domain/errors.ts.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, errorKind, type ErrorCode, type ErrorKind } from '../domain/error-catalogue.ts';
import { isAppError } from '../domain/errors.ts';
import { pathSegments, validationSentence } from '../domain/labels-validation.ts';

/** The one place a kind becomes an HTTP status. */
export const HTTP_STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  insufficient_storage: 507,
};

/** The HTTP status of a code (an uncatalogued code is a server fault). */
export function httpStatusOf(code: string): number {
  return HTTP_STATUS_OF_KIND[errorKind(code)];
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

const CONTEXT_WORDS: Record<string, string> = { body: '提交的内容', querystring: '查询条件', params: '网址参数', headers: '请求头' };

/** Fastify error handler: every failure leaves as `{code, message[, details]}`, never a stack trace. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      where: `${error.validationContext ?? ''}${v.instancePath}`,
      message: validationSentence(pathSegments(v.instancePath), v.message ?? ''),
    }));
    void reply.status(400).send({ code: 'VALIDATION_FAILED', message: `${CONTEXT_WORDS[error.validationContext ?? ''] ?? '请求参数'}不正确：${details.map((d) => d.message).join('；')}`, details });
    return;
  }
  if (isAppError(error)) {
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    void reply.status(httpStatusOf(error.code)).send(body);
    return;
  }
  const fastifyCode = (error as FastifyError).code;
  const mapped = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  if (mapped) {
    void reply.status(httpStatusOf(mapped)).send({ code: mapped, message: ERROR_CATALOGUE[mapped][1] });
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    void reply.status(status).send({ code: 'VALIDATION_FAILED', message: ERROR_CATALOGUE.VALIDATION_FAILED[1] });
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send({ code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL[1] });
}
