import { json, withApi } from '@/lib/http';
import { buildOpenApiDocument } from '@/lib/http/openapi/document';

export const dynamic = 'force-dynamic';

/** The OpenAPI 3.1 document of the API, generated from the request schemas. */
export const GET = withApi({ auth: 'public' }, async () => json(buildOpenApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } }));
