import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** One line the example prints per event with OUTPUT=json. */
export interface SubscriberLine {
  type: string;
  id: string;
  subject: string;
  outcome: 'applied' | 'duplicate' | 'stale';
  active: string[];
}

/**
 * examples/partnership-subscriber run as its README says (from the repository root, no install of its
 * own), with machine-readable output; what it printed is collected line by line.
 */
export class ExampleSubscriberProcess {
  readonly lines: SubscriberLine[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'examples/partnership-subscriber/src/main.ts'],
      { cwd: ROOT, env: { ...process.env, OUTPUT: 'json', ...env } },
    );
    let buffered = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete)
        if (line.trim() !== '') this.lines.push(JSON.parse(line) as SubscriberLine);
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** The active ids after the last event it handled. */
  get active(): string[] {
    return this.lines.at(-1)?.active ?? [];
  }

  get errors(): string {
    return this.stderr;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    return exited;
  }
}
