import { defineOperations } from '../registry';

/** The document itself. */
export const META_OPERATIONS = defineOperations([
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    tags: ['meta'],
    auth: 'public',
    responses: { 200: { description: 'The OpenAPI document, generated from the schemas that validate the requests.' } },
  },
]);
