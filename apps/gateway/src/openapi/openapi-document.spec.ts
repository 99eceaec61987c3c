import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateOpenApiText } from './generate';

interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string }[];
}

describe('the OpenAPI document', () => {
  let generated: string;
  let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    generated = await generateOpenApiText();
    document = JSON.parse(generated) as typeof document;
  });

  it('is committed as generated (regenerate: npm run openapi)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../../../docs/openapi.json'), 'utf8');
    expect(committed).toBe(generated);
  });

  it('is OpenAPI 3.1 without 3.0-only keywords', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(generated).not.toContain('"nullable"');
  });

  it('documents the public routes as open and every other one as needing a bearer token', () => {
    const operations = Object.values(document.paths).flatMap((item) => Object.entries(item));
    const open = operations.filter(([, op]) => op.security?.length === 0).map(([, op]) => op.operationId);
    expect(open.sort()).toEqual(['getEventCatalog', 'getJwks', 'issueToken']);
    for (const [method, op] of operations.filter(([, op]) => !open.includes(op.operationId))) {
      expect(op.security).toEqual([{ bearer: [] }]);
      if (method === 'post') expect(op.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    }
    const ids = operations.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
