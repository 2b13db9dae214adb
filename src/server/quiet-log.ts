/**
 * The server's log is quiet by default: no line per request at the default level (warn), one line
 * per request at `LOG_LEVEL=debug` (instead of Fastify's two info lines), errors always.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class QuietLogController extends LogController {
  override incomingRequest(): void {
    // One line per request is enough: it is written when the request completes.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.debug(line, 'request');
  }
}
