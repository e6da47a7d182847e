import { describe, expect, it } from 'vitest';
import { Cursor } from '../../src/graph/cursor.js';
import type { Resource } from '../../src/graph/resource.js';
import { knownPrefix, toPlain, type Value } from '../../src/graph/value.js';
import { lintCode, readCode } from './support.js';

/** The CDK code front-end (src/parsers/cdk-code/), read through ESLint's parser and scope analysis. */
const ML = "import * as medialive from 'aws-cdk-lib/aws-medialive';\ndeclare const stack: any;\n";

function resources(code: string): Resource[] {
  return readCode(code)?.scope.resources ?? [];
}

function only(code: string): Resource {
  const found = resources(code);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The value of `x` in `new medialive.CfnInput(stack, 'I', { name: <expression> })`, after `setup`. */
function valueOf(expression: string, setup = ''): Value | undefined {
  return Cursor.root(only(`${ML}${setup}\nnew medialive.CfnInput(stack, 'I', { name: ${expression} });`)).get('name').value;
}

describe('CDK code front-end: constructs', () => {
  it.each([
    ['a namespace import', "import * as ml from 'aws-cdk-lib/aws-medialive';\nnew ml.CfnInput(s, 'I', {});"],
    ['a named import with an alias', "import { CfnInput as Input } from 'aws-cdk-lib/aws-medialive';\nnew Input(s, 'I', {});"],
    ['a default import', "import ml from 'aws-cdk-lib/aws-medialive';\nnew ml.CfnInput(s, 'I', {});"],
    ['the barrel module', "import { aws_medialive } from 'aws-cdk-lib';\nnew aws_medialive.CfnInput(s, 'I', {});"],
    ['the barrel module with an alias', "import { aws_medialive as ml } from 'aws-cdk-lib';\nnew ml.CfnInput(s, 'I', {});"],
    ['the library namespace', "import * as cdk from 'aws-cdk-lib';\nconst x = 'aws_medialive';\nnew cdk.aws_medialive.CfnInput(s, 'I', {});"],
    ['a const alias of a module', "import * as cdk from 'aws-cdk-lib';\nconst ml = cdk.aws_medialive;\nconst { CfnInput } = ml;\nnew CfnInput(s, 'I', {});"],
    ['CommonJS require', "const ml = require('aws-cdk-lib/aws-medialive');\nnew ml.CfnInput(s, 'I', {});"],
    ['a destructured require', "const { CfnInput: Input } = require('aws-cdk-lib/aws-medialive');\nnew Input(s, 'I', {});"],
    ['a destructured barrel require', "const { aws_medialive: ml } = require('aws-cdk-lib');\nnew ml.CfnInput(s, 'I', {});"],
    ['import = require', "import ml = require('aws-cdk-lib/aws-medialive');\nnew ml.CfnInput(s, 'I', {});"],
    ['a parenthesised, asserted callee', "import * as ml from 'aws-cdk-lib/aws-medialive';\nnew (ml.CfnInput as any)(s, 'I', {});"],
  ])('recognises %s', (_, code) => {
    const resource = only(`declare const s: any;\n${code}`);
    expect(resource).toMatchObject({ type: 'AWS::MediaLive::Input', sourceType: 'CfnInput', isMediaType: true, format: 'cdk-code', address: 'I' });
    expect(resource.scope).toMatchObject({ kind: 'cdk-source-file', format: 'cdk-code' });
  });

  it.each([
    ['a type-only import', "import type { CfnInput } from 'aws-cdk-lib/aws-medialive';\ndeclare const Input: typeof CfnInput;\nnew Input(s, 'I', {});"],
    ['a local class that shadows the import', "import { CfnInput } from 'aws-cdk-lib/aws-medialive';\nfunction f() { class CfnInput { constructor(..._: unknown[]) {} } new CfnInput(s, 'I', {}); }"],
    ['an L2 construct', "import * as ml from 'aws-cdk-lib/aws-medialive';\nnew (ml as any).Input(s, 'I', {});"],
    ['another package', "import { CfnInput } from 'my-constructs/aws-medialive';\nnew CfnInput(s, 'I', {});"],
  ])('ignores %s', (_, code) => {
    expect(resources(`declare const s: any;\n${code}`).filter((resource) => resource.isMediaType)).toEqual([]);
  });

  it('records IAM and S3 constructs (rules read them) and media types it does not model, but only when a media construct exists', () => {
    const found = resources(
      "import * as iam from 'aws-cdk-lib/aws-iam';\nimport * as mpv2 from 'aws-cdk-lib/aws-mediapackagev2';\ndeclare const s: any;\nnew iam.CfnRole(s, 'Role', {});\nnew mpv2.CfnOriginEndpointPolicy(s, 'Policy', {});\nnew mpv2.CfnChannelGroup(s, 'Group', {});",
    );
    expect(found.map((resource) => [resource.address, resource.type, resource.isMediaType])).toEqual([
      ['Role', 'AWS::IAM::Role', false],
      ['Policy', 'AWS::MediaPackageV2::OriginEndpointPolicy', false],
      ['Group', 'AWS::MediaPackageV2::ChannelGroup', true],
    ]);
    expect(readCode("import * as iam from 'aws-cdk-lib/aws-iam';\nconst x = 'aws-medialive';\nnew iam.CfnRole(s, 'Role', {});")).toBeUndefined();
  });

  it('names resources by their construct id, else by class and position, and keeps names unique', () => {
    const found = resources(`${ML}const id = 'Main';\ndeclare const dynamic: string;\nnew medialive.CfnInput(stack, id, {});\nnew medialive.CfnInput(stack, dynamic, {});\nnew medialive.CfnInput(stack, 'Main', {});\nnew medialive.CfnInput(stack);`);
    expect(found.map((resource) => resource.address)).toEqual(['Main', 'CfnInput@6:1', 'Main#2', 'CfnInput@8:1']);
    expect(found[0]!.nameSpan).toMatchObject({ start: { line: 5, column: 31 }, end: { line: 5, column: 33 } });
    expect(found[0]!.typeSpan).toMatchObject({ start: { line: 5, column: 5 }, end: { line: 5, column: 23 } });
  });
});

describe('CDK code front-end: values', () => {
  it('reads literals with camelCase names made canonical and exact spans', () => {
    const resource = only(`${ML}new medialive.CfnChannel(stack, 'C', {\n  channelClass: 'STANDARD',\n  inputSpecification: { maximumBitrate: 'MAX_10_MBPS' },\n});`);
    const property = resource.properties.properties[1]!;
    expect(property).toMatchObject({ name: 'input_specification', sourceName: 'inputSpecification', keySpan: { start: { line: 5, column: 3, offset: expect.any(Number) } } });
    expect(toPlain(resource.properties)).toEqual({ channel_class: 'STANDARD', input_specification: { maximum_bitrate: 'MAX_10_MBPS' } });
    expect(Cursor.root(resource).at('input_specification', 'maximum_bitrate').value?.span).toMatchObject({ start: { line: 5, column: 41 }, end: { line: 5, column: 54 } });
  });

  it.each([
    ["'plain'", '', 'plain'],
    ['`tpl-${1 + 1}`', '', 'tpl-2'],
    ["'a' + 'b' + 3", '', 'ab3'],
    ["'x' as const", '', 'x'],
    ["('x' satisfies string)!", '', 'x'],
    ['-5', '', -5],
    ['2 ** 3 * (10 - 4) / 2 % 7', '', 3],
    ['prefix', "const prefix = 'live';", 'live'],
    ['`${event}-${suffix}`', "const event = 'gala';\nconst suffix = `rtmp`;", 'gala-rtmp'],
    ['settings.names[1]', "const settings = { names: ['a', 'b'] } as const;", 'b'],
    ["settings['primary']", "const settings = { primary: 'p' };", 'p'],
    ['names.length', "const names = ['a', 'b', 'c'];", 3],
    ["missing ?? 'fallback'", 'const missing = undefined;', 'fallback'],
    ["flag ? 'yes' : 'no'", 'const flag = 1 > 0 ? true : false;', 'yes'],
    ["kind === 'hd' ? 1080 : 720", "const kind = 'sd';", 720],
    ["production ? 'big' : 'small'", 'const production = true;', 'big'],
    ["'' || 'default'", '', 'default'],
    ['true && "both"', '', 'both'],
  ])('resolves %s', (expression, setup, expected) => {
    const value = valueOf(expression, setup);
    expect(value?.kind === 'known' ? value.value : value).toEqual(expected);
  });

  it.each([
    ['lookup()', 'declare function lookup(): string;', 'unsupported'],
    ['name', "import { name } from './names';", 'import'],
    ['name', "let name = 'a';", 'variable'],
    ['name', "var name = 'a';", 'variable'],
    ['process.env.NAME', '', 'unsupported'],
    ['stack.region', '', 'variable'],
    ['this.node.tryGetContext("name")', '', 'unsupported'],
    ['lookup() * 2', 'declare function lookup(): number;', 'unsupported'],
    ['cond ? "a" : "b"', 'declare const cond: boolean;', 'condition'],
    ['/re/', '', 'unsupported'],
    ['10n', '', 'unsupported'],
    ['a', 'const a = b;\nconst b = a;', 'unsupported'],
  ])('leaves %s unknown', (expression, setup, reason) => {
    expect(valueOf(expression, setup)).toMatchObject({ kind: 'unknown', reason });
  });

  it('treats parameters, loop variables and destructured names as unknown', () => {
    const resource = only(`${ML}export function make(name: string, { level }: { level: string }) {\n  for (const item of [1]) new medialive.CfnInput(stack, 'I', { name, type: level, destinations: [item] });\n}`);
    const root = Cursor.root(resource);
    expect(root.get('name').value).toMatchObject({ kind: 'unknown', reason: 'parameter' });
    expect(root.get('type').value).toMatchObject({ kind: 'unknown', reason: 'parameter' });
    expect(root.get('destinations').item(0).value).toMatchObject({ kind: 'unknown', reason: 'variable' });
  });

  it('keeps the known prefix of a partially known string', () => {
    const value = valueOf("'rtmp://' + host + '/live'", 'declare const host: string;');
    expect(value?.kind).toBe('template');
    expect(knownPrefix(value)).toBe('rtmp://');
  });

  it('drops members set to undefined, as CDK does', () => {
    const resource = only(`${ML}new medialive.CfnInput(stack, 'I', { name: undefined, type: void 0, roleArn: 'arn' });`);
    expect(resource.properties.properties.map((property) => property.name)).toEqual(['role_arn']);
    expect(resource.properties.open).toBeUndefined();
  });

  it('opens an object at a spread and drops what the spread may override', () => {
    const resource = only(`${ML}declare const base: object;\nnew medialive.CfnInput(stack, 'I', { name: 'before', ...base, type: 'RTMP_PUSH' });`);
    expect(resource.properties.open).toBe(true);
    expect(resource.properties.properties.map((property) => property.name)).toEqual(['type']);
  });

  it('opens a list at a spread', () => {
    const destinations = Cursor.root(only(`${ML}declare const more: object[];\nnew medialive.CfnInput(stack, 'I', { destinations: [{ streamName: 'a' }, ...more, { streamName: 'b' }] });`)).get('destinations').value;
    expect(destinations).toMatchObject({ kind: 'list', open: true, items: [{ kind: 'object' }] });
  });

  it('reads props passed through a const, and leaves props it cannot read open', () => {
    expect(toPlain(only(`${ML}const props = { name: 'n' };\nnew medialive.CfnInput(stack, 'I', props);`).properties)).toEqual({ name: 'n' });
    expect(only(`${ML}declare const props: any;\nnew medialive.CfnInput(stack, 'I', props);`).properties).toMatchObject({ properties: [], open: true });
    expect(only(`${ML}new medialive.CfnInput(stack, 'I', ...[{}]);`).properties).toMatchObject({ properties: [], open: true });
    expect(only(`${ML}new medialive.CfnInput(stack, 'I');`).properties).toMatchObject({ properties: [] });
  });

  it('places a value read through a name where the name is used', () => {
    const value = valueOf('eventName', "const eventName = 'gala';");
    expect(value).toMatchObject({ kind: 'known', value: 'gala', span: { start: { line: 4, column: 44 } } });
  });
});

describe('CDK code front-end: references', () => {
  it('makes x.ref and x.attrXxx of a construct of the file references to it', () => {
    const code = `${ML}import * as iam from 'aws-cdk-lib/aws-iam';
class LiveStack {
  readonly input = new medialive.CfnInput(stack, 'Input', {});
  private group: any;
  constructor() {
    this.group = new medialive.CfnInputSecurityGroup(stack, 'Group', {});
    const role = new iam.CfnRole(stack, 'Role', {});
    new medialive.CfnChannel(stack, 'Channel', {
      roleArn: role.attrArn,
      inputAttachments: [{ inputId: this.input.ref }, { inputId: new medialive.CfnInput(stack, 'Inline', {}).ref }],
      name: \`\${this.group.ref}-channel\`,
      anywhere: role.roleName,
    });
  }
}`;
    const channel = resources(code).find((resource) => resource.address === 'Channel')!;
    const root = Cursor.root(channel);
    expect(root.get('role_arn').value).toMatchObject({ kind: 'reference', target: 'Role', attribute: 'Arn', expression: 'role.attrArn' });
    expect(root.at('input_attachments', 0, 'input_id').value).toMatchObject({ kind: 'reference', target: 'Input', expression: 'this.input.ref' });
    expect(root.at('input_attachments', 1, 'input_id').value).toMatchObject({ kind: 'reference', target: 'Inline' });
    expect(root.get('name').value).toMatchObject({ kind: 'template', parts: [{ kind: 'reference', target: 'Group' }, '-channel'] });
    expect(root.get('anywhere').value).toMatchObject({ kind: 'unknown', reason: 'computed-attribute' });
  });
});

describe('the plugin on hostile input', () => {
  const hostile: Array<[string, string]> = [
    // Deeper than the front-end reads (the parser itself overflows its stack beyond about a thousand levels).
    ['deeply nested arrays', `${ML}new medialive.CfnInput(stack, 'I', { destinations: ${'['.repeat(600)}${']'.repeat(600)} });`],
    ['deeply nested objects', `${ML}new medialive.CfnInput(stack, 'I', ${'{ a: '.repeat(250)}1${' }'.repeat(250)});`],
    ['exponential const sharing', `${ML}const a0 = ['x', 'x'];\n${Array.from({ length: 40 }, (_, i) => `const a${i + 1} = [a${i}, a${i}];`).join('\n')}\nnew medialive.CfnInput(stack, 'I', { destinations: a40 });`],
    ['self-reference', `${ML}const props: any = { name: props };\nnew medialive.CfnInput(stack, 'I', props);`],
    ['odd keys and members', `${ML}new medialive.CfnInput(stack, 'I', { ['na' + 'me']: 'n', 1: 2, __proto__: null, get type() { return 'x'; }, set x(v) {}, m() {}, [Symbol.iterator]: 1 } as any);`],
    ['odd callees', `${ML}new (medialive as any)[\`Cfn\${'Input'}\`](stack, 'I', {});\nnew (medialive.CfnInput as any).constructor();\nnew (class {})();`],
    ['a construct as its own id', `${ML}const c: any = new medialive.CfnInput(stack, c.ref, { name: c.ref });`],
    ['a huge string', `${ML}new medialive.CfnInput(stack, 'I', { name: '${'x'.repeat(200_000)}' });`],
    ['many constructs', `${ML}${Array.from({ length: 2000 }, (_, i) => `new medialive.CfnInput(stack, 'I${i}', { type: 'RTMP_PUSH', name: 'n${i}' });`).join('\n')}`],
    ['an empty file that names the module', '// aws-medialive'],
    ['JSX in a .ts-looking file', `${ML}const element = 1 < 2;`],
  ];

  it.each(hostile)('never throws on %s', (_, code) => {
    const messages = lintCode(code);
    expect(messages.filter((message) => message.fatal || message.message.includes('media-lint') || message.ruleId === null)).toEqual([]);
  });

  it('reads no value beyond its size limit', () => {
    const [, code] = hostile.find(([name]) => name === 'exponential const sharing')!;
    // Each doubling shares its halves; the value that would exceed the limit is unknown instead.
    let value = Cursor.root(only(code)).get('destinations').value;
    while (value?.kind === 'list') value = value.items[0];
    expect(value).toMatchObject({ kind: 'unknown', reason: 'limit' });
  });

  it('reports ESLint parse errors as ESLint does, and nothing else', () => {
    const messages = lintCode(`${ML}new medialive.CfnInput(stack, 'I', { type: 'RTMP_PUSHH' ;`);
    expect(messages).toMatchObject([{ fatal: true, ruleId: null, message: expect.stringContaining('Parsing error') }]);
  });
});
