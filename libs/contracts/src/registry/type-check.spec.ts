// Jest strips types without checking them, so the `@ts-expect-error` assertions of
// event-types.spec.ts would pass here even if they stopped holding. This runs the real compiler on that
// file, with the repository's settings, so the assertions fail under jest as well.
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../../..');

it('event-types.spec.ts compiles with its @ts-expect-error lines all used', () => {
  const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const program = ts.createProgram([path.join(__dirname, 'event-types.spec.ts')], {
    ...config.options,
    noEmit: true,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file === undefined || d.start === undefined) return message;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(ROOT, d.file.fileName)}:${line + 1}: ${message}`;
  });
  expect(diagnostics).toEqual([]);
});
