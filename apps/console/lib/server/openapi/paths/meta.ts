import type { PathSpecs } from '../operation';

export const metaPaths: PathSpecs = {
  '/api/v1/openapi.json': {
    get: { summary: 'This document', tag: 'meta', responses: { 200: 'The OpenAPI 3.1 document' } },
  },
};
