import type { FastifyRequest } from 'fastify';

export function clientIp(req: FastifyRequest): string {
  return (req.ip || 'unknown').slice(0, 64);
}
