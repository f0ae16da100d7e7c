import { z } from 'zod';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** One operation of the API as the OpenAPI document describes it. */
export interface OperationSpec {
  summary: string;
  description?: string;
  tag: string;
  /** The JSON body it takes. */
  body?: z.ZodType;
  /** Its query string parameters (an object schema). */
  query?: z.ZodObject;
  /** Status code → what the response holds. Error statuses share the error body schema. */
  responses: Record<number, string>;
}

/** Paths as Next routes them, with `{name}` for dynamic segments: `/api/v1/sinks/{id}`. */
export type PathSpecs = Record<string, Partial<Record<Method, OperationSpec>>>;

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          description: 'invalid_input, invalid_json, not_found, conflict, checks_failed, internal, …',
        },
        message: { type: 'string', description: 'What is wrong, in words meant for a person' },
        field: { type: 'string', description: 'The input field at fault, when there is one' },
        checks: {
          type: 'array',
          description:
            'With checks_failed (422): every check run before saving, `{ id, status: ok|warning|error|skipped, title, detail }`',
          items: { type: 'object' },
        },
      },
    },
  },
};

function toJsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** The OpenAPI 3.1 form of the path specs. */
export function openApiPaths(paths: PathSpecs): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(paths)) {
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    out[path] = {};
    for (const [method, spec] of Object.entries(methods)) {
      if (!spec) continue;
      const queryParams = spec.query
        ? Object.entries(spec.query.shape).map(([name, schema]) => ({
            name,
            in: 'query',
            required: !(schema as z.ZodType).safeParse(undefined).success,
            schema: toJsonSchema(schema as z.ZodType),
          }))
        : [];
      out[path][method] = {
        summary: spec.summary,
        ...(spec.description ? { description: spec.description } : {}),
        tags: [spec.tag],
        parameters: [...pathParams, ...queryParams],
        ...(spec.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: toJsonSchema(spec.body) } },
              },
            }
          : {}),
        responses: Object.fromEntries(
          Object.entries(spec.responses).map(([status, description]) => [
            status,
            Number(status) >= 400
              ? { description, content: { 'application/json': { schema: errorBody } } }
              : { description, content: { 'application/json': { schema: { type: 'object' } } } },
          ]),
        ),
      };
    }
  }
  return out;
}
