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
/** The OpenAPI 3.1 form of the path specs. */
export declare function openApiPaths(paths: PathSpecs): Record<string, unknown>;
