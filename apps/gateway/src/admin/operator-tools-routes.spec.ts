import { MESSAGING_ADMIN_PATH } from '@c2c/messaging';
import { SERVICE_API_DOCS_DIR } from '../openapi/generate';
import { readServiceApiDocuments } from '../openapi/service-api-documents';
import { routeTableOf } from '../routing/route-table';

/**
 * Every messaging service serves the same `/admin/…` endpoints; were they in the services' documents,
 * the route table would forward one public path to four services. They are left out of those
 * documents (checked by `npm run openapi -- --check`), and the gateway's own admin routes ask them.
 */
describe('operator tools routes', () => {
  const documents = readServiceApiDocuments(SERVICE_API_DOCS_DIR);

  it('reads every service document', () => {
    expect(documents.map((d) => d.service)).toEqual([
      'cities',
      'partnerships',
      'commissions',
      'notifications',
    ]);
  });

  it("keeps the services' admin endpoints out of their documents and so out of the route table", () => {
    for (const { document } of documents) {
      expect(
        Object.keys(document.paths).filter((path) => path.startsWith(`/${MESSAGING_ADMIN_PATH}`)),
      ).toEqual([]);
    }
    expect(routeTableOf(documents).filter((route) => route.path.startsWith('/api/v1/admin'))).toEqual([]);
  });
});
