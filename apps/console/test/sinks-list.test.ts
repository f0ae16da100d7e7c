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

  it('describes the sink settings a client may send, and the error statuses of the sink routes', async () => {
    const { body } = await call(getOpenApi, { path: '/api/v1/openapi.json' });
    const create = body.paths['/api/v1/sinks'].post;
    const settings = create.requestBody.content['application/json'].schema;
    expect(Object.keys(settings.properties)).toEqual(
      expect.arrayContaining(['name', 'streamArn', 'accessKeyId', 'secretAccessKey', 'tables', 'laneCount']),
    );
    expect(settings.required).toEqual(['name', 'streamArn']);
    expect(Object.keys(create.responses)).toEqual(['201', '400', '409', '422']);
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: 'force', in: 'query' }));
    const edit = body.paths['/api/v1/sinks/{id}'].patch;
    expect(edit.requestBody.content['application/json'].schema.required ?? []).toEqual([]);
    expect(edit.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    );
    expect(Object.keys(body.paths['/api/v1/health'].get.responses)).toEqual(['200', '503']);
  });
});
