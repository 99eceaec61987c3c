import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The services behind the gateway, in the order their documents are composed. */
export const SERVICES = ['cities', 'partnerships', 'commissions', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** A service's own OpenAPI document, as it generated and committed it (`docs/api/<service>.openapi.json`). */
export interface ServiceApiDocument {
  service: ServiceName;
  document: OpenAPIObject;
}

export const serviceApiDocumentFile = (directory: string, service: ServiceName): string =>
  path.join(directory, `${service}.openapi.json`);

/**
 * Reads the documents of the services that have one: the gateway composes its public API and its
 * routing table from them. A service without a document (not built yet) has no public routes; a
 * document that is there but unreadable stops the start, naming the file.
 */
export function readServiceApiDocuments(directory: string): ServiceApiDocument[] {
  const documents: ServiceApiDocument[] = [];
  for (const service of SERVICES) {
    const file = serviceApiDocumentFile(directory, service);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') continue;
      throw error;
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    if (
      typeof document !== 'object' ||
      document === null ||
      typeof (document as OpenAPIObject).paths !== 'object'
    ) {
      throw new Error(`${file} is not an OpenAPI document`);
    }
    documents.push({ service, document: document as OpenAPIObject });
  }
  return documents;
}
