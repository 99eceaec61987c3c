// The operator CLI: `npm run admin -- <command>` (`--help` lists the commands). Dead letters, outbox,
// consumers and webhook redelivery go through the gateway's secretariat-only routes; a read model is
// rebuilt here, by the service's own rebuild script with the service's environment.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommand, READ_MODELS, UsageError, type ReadModel, type Service } from './args';
import { runCommand } from './commands';
import { GatewayClient, GatewayError, settingsFrom, SettingsError } from './gateway-client';

/** The service's rebuild script: beside this file's app in the checkout (.ts) or in dist (.js). */
function rebuildScript(service: Service, model: ReadModel): { file: string; args: string[] } {
  const extension = path.extname(__filename);
  const file = path.resolve(
    __dirname,
    '../..',
    service,
    'scripts',
    `${READ_MODELS[model].script}${extension}`,
  );
  return { file, args: extension === '.ts' ? ['-r', '@swc-node/register', file] : [file] };
}

/** Runs the rebuild as its own process (the service's config, not ours), with a heartbeat while it works. */
function rebuild(service: Service, model: ReadModel, check: boolean): Promise<number> {
  const { file, args } = rebuildScript(service, model);
  if (!existsSync(file)) throw new Error(`${service} has no rebuild script for the ${model} model (${file})`);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  console.error(`rebuilding the ${model} model of ${service} from ${READ_MODELS[model].topic}...`);
  const heartbeat = setInterval(() => console.error(`... still rebuilding (${seconds()} s)`), 5_000);
  const child = spawn(process.execPath, [...args, ...(check ? ['--check'] : [])], { stdio: 'inherit' });
  return new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(heartbeat);
      console.error(`rebuild ${code === 0 ? 'done' : `ended (exit ${code ?? signal})`} after ${seconds()} s`);
      resolve(code ?? 2);
    });
  });
}

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    // Only the commands that call the gateway need its address and a secretariat identity.
    const needsGateway = command.name !== 'help' && command.name !== 'rebuild-read-model';
    const gateway = needsGateway
      ? new GatewayClient(settingsFrom(process.env))
      : new GatewayClient({ url: '', credentials: { token: '' } });
    return await runCommand(command, {
      gateway,
      out: (text) => console.log(text),
      progress: (text) => console.error(text),
      rebuild,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`admin: ${error.message}\n\n${error.usage}`);
      return 2;
    }
    if (error instanceof SettingsError) {
      console.error(`admin: ${error.message}`);
      return 2;
    }
    console.error(
      `admin: ${error instanceof GatewayError ? error.message : String((error as Error).message ?? error)}`,
    );
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
