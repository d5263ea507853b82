// /api/openapi.json, built from the contracts the served routes declare (worker/http/contract.ts), never from a copy.
import { type ZodType, z } from 'zod';
import type { ServedRoute } from './contract';

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');

/** JSON Schema of what a caller sends, as the route's zod schema reads it. */
export const inputSchema = (schema: ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(origin: string, served: readonly ServedRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path, contracts } of served) {
    const rule = contracts[0];
    if (!rule) continue;
    const params = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = rule.query
      ? Object.entries(
          (
            inputSchema(rule.query) as {
              properties?: Record<string, unknown>;
              required?: string[];
            }
          ).properties ?? {},
        ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
      : [];
    paths[toOpenApiPath(path)] ??= {};
    paths[toOpenApiPath(path)]![method.toLowerCase()] = {
      summary: rule.summary,
      tags: [rule.tag],
      'x-access': rule.access,
      ...(rule.access === 'desk' || rule.access === 'organiser' || rule.access === 'staff'
        ? { security: [{ session: [] }] }
        : {}),
      parameters: [...params, ...query],
      ...(rule.json
        ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(rule.json) } } } }
        : {}),
      responses: {
        default: {
          description: 'Errors: { error: { code, message, fields? } }',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Colloquy API',
      version: '0.1.0',
      description: 'Academic event management: registration, tickets, check-in, organiser console.',
    },
    servers: [{ url: origin }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'colloquy_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
