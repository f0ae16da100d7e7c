import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApi } from '../app/api/v1/openapi.json/route';
import { GET as listSinks } from '../app/api/v1/sinks/route';
import { call, openApiHarness } from './api-harness';

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await openApiHarness());
});
afterAll(() => close());

describe('GET /api/v1/sinks', () => {
  it('answers an empty list on a new installation', async () => {
    const answer = await call(listSinks, { path: '/api/v1/sinks' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ sinks: [] });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves an OpenAPI 3.1 document', async () => {
    const answer = await call(getOpenApi, { path: '/api/v1/openapi.json' });
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
  });
});
