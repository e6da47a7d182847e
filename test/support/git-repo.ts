import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away git repository for tests of `--changed-since` and the Action's `only-changed`. */
export class GitRepo {
  readonly root: string;

  constructor(prefix = 'media-lint-git-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  write(path: string, content: string): string {
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  }

  /** Commits everything; returns the commit id. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A CloudFormation template with one Kinesis Video stream per entry, 7 lines each from line 2: the
 * retention is on line 8 + 7 × index, column 29. The streams are complete (name, media type,
 * customer managed key) so that only the retention can draw a finding.
 */
export function streamsTemplate(retentions: Array<[name: string, hours: number]>): string {
  const lines = ['Resources:'];
  for (const [name, hours] of retentions) {
    lines.push(
      `  ${name}:`,
      '    Type: AWS::KinesisVideo::Stream',
      '    Properties:',
      `      Name: ${name.toLowerCase()}`,
      '      MediaType: video/h264',
      '      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      `      DataRetentionInHours: ${hours}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The line of the retention of the stream at `index` in `streamsTemplate`. */
export function retentionLine(index: number): number {
  return 8 + 7 * index;
}
