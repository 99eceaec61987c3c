// Renders the AsyncAPI document as the YAML committed at docs/asyncapi.yaml. Lives beside the scripts,
// not in src/, because `yaml` is a development dependency and services never need the YAML form.
import * as path from 'node:path';
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from '../src/index';

/** Where the generated document is committed. */
export const ASYNCAPI_YAML_PATH = path.resolve(__dirname, '../../../docs/asyncapi.yaml');

const HEADER = [
  '# AsyncAPI 3.0 document of the C2C platform events. GENERATED from libs/contracts: do not edit.',
  '# Regenerate: node_modules/.bin/node -r @swc-node/register libs/contracts/scripts/generate-asyncapi.ts',
  '',
].join('\n');

/** The exact text of docs/asyncapi.yaml. */
export function renderAsyncApiYaml(): string {
  // lineWidth 0: no folding, so a changed description shows as a one-line diff. aliasDuplicateObjects
  // off: shared schema objects are written out in full, since YAML anchors confuse some tools.
  return HEADER + stringify(buildAsyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
