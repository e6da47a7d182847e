import { describe, expect, it } from 'vitest';
import { at, loadRuby, loadScope, plain, propertyAt, resourceAt, template, valueAt } from './pangea-support.js';

/** The properties of the only resource `aws_kinesis_video_stream.s` a snippet declares. */
async function streamOf(body: string) {
  const scope = await loadScope(template(body));
  return resourceAt(scope, 'aws_kinesis_video_stream.s');
}

describe('literals', () => {
  it('reads hashes with `key:`, `"k":` and `=>` keys, with the name as the key span', async () => {
    const stream = await streamOf(`  aws_kinesis_video_stream(:s, { name: "a", "media_type": "video/h264", "kms_key_id" => "k", :device_name => "d" })`);
    expect(plain(stream.properties)).toEqual({ name: 'a', media_type: 'video/h264', kms_key_id: 'k', device_name: 'd' });
    const keys = stream.properties.properties.map((property) => [property.sourceName, at(property.keySpan), at(property.value.span)]);
    expect(keys).toEqual([
      ['name', '2:34-2:38', '2:40-2:43'],
      ['media_type', '2:46-2:56', '2:59-2:71'],
      ['kms_key_id', '2:74-2:84', '2:89-2:92'],
      ['device_name', '2:95-2:106', '2:110-2:113'],
    ]);
  });

  it('reads numbers (with `_`), floats, booleans, nil and symbols', async () => {
    const stream = await streamOf(`  aws_kinesis_video_stream(:s, { a: 1_000_000, b: 2.5, c: -3, d: true, e: false, f: nil, g: :sym, h: 1.0 })`);
    expect(plain(stream.properties)).toEqual({ a: 1000000, b: 2.5, c: -3, d: true, e: false, f: null, g: 'sym', h: 1 });
    expect(at(valueAt(stream, 'a')!.span)).toBe('2:37-2:46');
  });

  it('reads arrays, %w[] and %i[]', async () => {
    const stream = await streamOf(`  aws_kinesis_video_stream(:s, { a: [1, "two", :three], b: %w[x y], c: %i[p q] })`);
    expect(plain(stream.properties)).toEqual({ a: [1, 'two', 'three'], b: ['x', 'y'], c: ['p', 'q'] });
    expect(at(valueAt(stream, 'b', 1)!.span)).toBe('2:65-2:66');
  });

  it('interpolates known values into strings and symbols, with the whole literal as the span', async () => {
    const stream = await streamOf(`  n = 3\n  f = 2.0\n  aws_kinesis_video_stream(:s, { name: "live-#{n}-#{f}-#{nil}-#{:x}", media_type: :"t_#{n * 2}" })`);
    expect(plain(stream.properties)).toEqual({ name: 'live-3-2.0--x', media_type: 't_6' });
    expect(at(valueAt(stream, 'name')!.span)).toBe('4:40-4:69');
  });

  it('keeps heredoc bodies as opaque strings', async () => {
    const stream = await streamOf(`  aws_kinesis_video_stream(:s, { name: <<~TEXT })\n    if [ -n "$X" ]; then def end\n    puts #{1 + 1}\n  TEXT`);
    expect(plain(valueAt(stream, 'name'))).toBe('if [ -n "$X" ]; then def end\nputs 2\n');
  });

  it('reads ranges', async () => {
    const stream = await streamOf(`  aws_kinesis_video_stream(:s, { a: (1..3).to_a, b: (1...3).to_a, c: (1..4).map { |i| i * 10 } })`);
    expect(plain(stream.properties)).toEqual({ a: [1, 2, 3], b: [1, 2], c: [10, 20, 30, 40] });
  });
});

describe('variables and constants', () => {
  it('follows local assignments; the value keeps its literal span and records the use in `via`', async () => {
    const stream = await streamOf(`  retention = 24\n  aws_kinesis_video_stream(:s, { data_retention_in_hours: retention })`);
    const value = valueAt(stream, 'data_retention_in_hours')!;
    expect(plain(value)).toBe(24);
    expect(at(value.span)).toBe('2:15-2:17');
    expect(value.via?.map(at)).toEqual(['3:59-3:68']);
  });

  it('reads constants of the file, also from outside the template', async () => {
    const scope = await loadScope(`RETENTION = 48\ntemplate :t do\n  NAME = "n"\n  aws_kinesis_video_stream(:s, { name: NAME, data_retention_in_hours: RETENTION })\nend\n`);
    expect(plain(resourceAt(scope, 'aws_kinesis_video_stream.s').properties)).toEqual({ name: 'n', data_retention_in_hours: 48 });
  });

  it('sees top-level locals inside a template, as a block sees its closure', async () => {
    const scope = await loadScope(`prefix = "shared"\ntemplate :t do\n  aws_kinesis_video_stream(:s, { name: "#{prefix}-s" })\nend\n`);
    expect(plain(valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'name'))).toBe('shared-s');
  });

  it('supports ||=, +=, multiple assignment and index assignment', async () => {
    const stream = await streamOf(
      `  a ||= 1\n  a ||= 2\n  b = 10\n  b += 5\n  c, d = [7, 8]\n  h = {}\n  h[:x] = 1\n  h[:y] ||= 2\n  aws_kinesis_video_stream(:s, { a: a, b: b, c: c, d: d, h: h })`,
    );
    expect(plain(stream.properties)).toEqual({ a: 1, b: 15, c: 7, d: 8, h: { x: 1, y: 2 } });
  });
});

describe('control flow', () => {
  it('takes the branch of if, unless, ternaries and statement modifiers on known values', async () => {
    const stream = await streamOf(
      [
        '  env = "prod"',
        '  a = if env == "prod" then "p" elsif env == "dev" then "d" else "x" end',
        '  b = unless env == "prod" then "not" else "is" end',
        '  c = env.start_with?("pr") ? 1 : 2',
        '  d = "set" if env != "dev"',
        '  e = "skipped" unless env == "prod"',
        '  aws_kinesis_video_stream(:s, { a: a, b: b, c: c, d: d, e: e })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({ a: 'p', b: 'is', c: 1, d: 'set', e: null });
  });

  it('evaluates case/when with lists of values, ranges and else', async () => {
    const stream = await streamOf(
      [
        '  def tier(height)',
        '    case height',
        '    when 2160 then "uhd"',
        '    when 1080, 720 then "hd"',
        '    when 0..719 then "sd"',
        '    else "other"',
        '    end',
        '  end',
        '  aws_kinesis_video_stream(:s, { a: tier(2160), b: tier(720), c: tier(480), d: tier(9999) })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({ a: 'uhd', b: 'hd', c: 'sd', d: 'other' });
  });

  it('uses || and && for defaults on known values', async () => {
    const stream = await streamOf(`  config = { bitrate: nil, name: "n" }\n  aws_kinesis_video_stream(:s, { a: config[:bitrate] || 5000, b: config[:name] || "x", c: config[:name] && "y" })`);
    expect(plain(stream.properties)).toEqual({ a: 5000, b: 'n', c: 'y' });
  });

  it('makes a value decided by something unknown unknown, and every variable a branch assigns', async () => {
    const stream = await streamOf(
      [
        '  a = ENV["PROD"] ? "STANDARD" : "SINGLE_PIPELINE"',
        '  b = "before"',
        '  if ENV["X"]',
        '    b = "inside"',
        '  end',
        '  c = ENV["LEVEL"] || "INFO"',
        '  aws_kinesis_video_stream(:s, { a: a, b: b, c: c })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({ a: 'unknown:condition', b: 'unknown:condition', c: 'unknown:variable' });
  });

  it('keeps resources declared in a branch it cannot decide, and checks them', async () => {
    const scope = await loadScope(template('  if ENV["RECORD"]\n    aws_kinesis_video_stream(:s, { name: "s" })\n  else\n    aws_kinesis_video_stream(:t, { name: "t" })\n  end'));
    expect(scope.resources.map((resource) => resource.address)).toEqual(['aws_kinesis_video_stream.s', 'aws_kinesis_video_stream.t']);
  });
});

describe('loops', () => {
  it('runs .each, .each_with_index, .map, .map.with_index and .times over known collections', async () => {
    const stream = await streamOf(
      [
        '  names = []',
        '  %w[a b].each { |n| names << n }',
        '  pairs = []',
        '  %w[x y].each_with_index do |n, i|',
        '    pairs << "#{n}#{i}"',
        '  end',
        '  upper = names.map(&:upcase)',
        '  indexed = %w[p q].map.with_index(1) { |n, i| "#{n}#{i}" }',
        '  counted = []',
        '  3.times { |i| counted.push(i) }',
        '  hash = { a: 1, b: 2 }.map { |key, value| "#{key}=#{value}" }',
        '  aws_kinesis_video_stream(:s, { names: names, pairs: pairs, upper: upper, indexed: indexed, counted: counted, hash: hash })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({
      names: ['a', 'b'],
      pairs: ['x0', 'y1'],
      upper: ['A', 'B'],
      indexed: ['p1', 'q2'],
      counted: [0, 1, 2],
      hash: ['a=1', 'b=2'],
    });
  });

  it('supports select, reject, each_with_object, sum, join, merge and dig', async () => {
    const stream = await streamOf(
      [
        '  ladder = [{ h: 1080, b: 5 }, { h: 720, b: 3 }, { h: 480, b: 1 }]',
        '  hd = ladder.select { |r| r[:h] >= 720 }.map { |r| r[:h] }',
        '  sd = ladder.reject { |r| r[:h] >= 720 }.size',
        '  total = ladder.sum { |r| r[:b] }',
        '  by_height = ladder.each_with_object({}) { |r, acc| acc[r[:h]] = r[:b] }',
        '  merged = { a: 1, b: { c: 2 } }.merge(b: 3, d: 4)',
        '  deep = { a: { b: { c: "deep" } } }.dig(:a, :b, :c)',
        '  aws_kinesis_video_stream(:s, { hd: hd, sd: sd, total: total, names: hd.join("/"), by_height: by_height, merged: merged, deep: deep })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({
      hd: [1080, 720],
      sd: 1,
      total: 9,
      names: '1080/720',
      by_height: { '1080': 5, '720': 3, '480': 1 },
      merged: { a: 1, b: 3, d: 4 },
      deep: 'deep',
    });
  });

  it('produces one resource per iteration, with interpolated names', async () => {
    const scope = await loadScope(template('  %w[primary backup].each_with_index do |role, index|\n    aws_kinesis_video_stream(:"rec_#{role}", { name: "rec-#{index}" })\n  end'));
    expect(scope.resources.map((resource) => [resource.address, plain(resource.properties), at(resource.nameSpan)])).toEqual([
      ['aws_kinesis_video_stream.rec_primary', { name: 'rec-0' }, '3:30-3:44'],
      ['aws_kinesis_video_stream.rec_backup', { name: 'rec-1' }, '3:30-3:44'],
    ]);
  });

  it('marks a list built over an unknown collection open, and adds nothing to it', async () => {
    const stream = await streamOf(
      [
        '  outputs = [{ name: "fixed" }]',
        '  ENV["RENDITIONS"].split(",").each { |r| outputs << { name: r } }',
        '  mapped = ENV["X"].map { |r| r }',
        '  aws_kinesis_video_stream(:s, { outputs: outputs, mapped: mapped })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({ outputs: [{ name: 'fixed' }, '…open'], mapped: ['…open'] });
  });

  it('runs a loop over an unknown collection once, keeping what it declares under the name as written', async () => {
    const scope = await loadScope(template('  ENV["REGIONS"].split(",").each do |region|\n    aws_kinesis_video_stream(:"rec_#{region}", { name: "rec-#{region}", media_type: "video/h264" })\n  end'));
    const stream = resourceAt(scope, 'aws_kinesis_video_stream.rec_#{region}');
    expect(plain(stream.properties)).toEqual({ name: 'tmpl:rec-{unknown:unsupported}', media_type: 'video/h264' });
  });
});

describe('helper methods', () => {
  it('calls def helpers with positional, optional and keyword arguments, and blocks', async () => {
    const stream = await streamOf(
      [
        '  def rendition(name, height = 720, bitrate:, codec: "H_264")',
        '    { name: "video_#{name}", height: height, bitrate: bitrate, codec: codec }',
        '  end',
        '  def each_role',
        '    %w[a b].map { |role| yield role }',
        '  end',
        '  def scaled(value, factor: 2) = value * factor',
        '  aws_kinesis_video_stream(:s, { r: rendition(:hd, bitrate: 5), d: rendition(:sd, 480, bitrate: 1, codec: "X"), roles: each_role { |r| r * 2 }, x: scaled(3) })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({
      r: { name: 'video_hd', height: 720, bitrate: 5, codec: 'H_264' },
      d: { name: 'video_sd', height: 480, bitrate: 1, codec: 'X' },
      roles: ['aa', 'bb'],
      x: 6,
    });
  });

  it('supports return and lambdas', async () => {
    const stream = await streamOf(
      [
        '  def pick(x)',
        '    return "small" if x < 10',
        '    "large"',
        '  end',
        '  double = ->(v) { v * 2 }',
        '  aws_kinesis_video_stream(:s, { a: pick(1), b: pick(100), c: double.call(4), d: double.(5) })',
      ].join('\n'),
    );
    expect(plain(stream.properties)).toEqual({ a: 'small', b: 'large', c: 8, d: 10 });
  });

  it('bounds recursion: a helper that does not stop gives an unknown value', async () => {
    const stream = await streamOf('  def forever(n) = forever(n + 1)\n  aws_kinesis_video_stream(:s, { a: forever(1) })');
    expect(plain(stream.properties)).toEqual({ a: 'unknown:limit' });
  });

  it('calls top-level helpers from a template', async () => {
    const scope = await loadScope(`def retention(days) = days * 24\ntemplate :t do\n  aws_kinesis_video_stream(:s, { data_retention_in_hours: retention(7) })\nend\n`);
    expect(plain(valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'data_retention_in_hours'))).toBe(168);
  });
});

describe('references', () => {
  const declarations = [
    '  input = aws_medialive_input(:feed, { name: "feed", type: "RTMP_PUSH" })',
    '  mux = aws_medialive_multiplex :mux, name: "mux", availability_zones: %w[a b]',
  ].join('\n');

  it('renders x.id, x.arn, any attribute, x[:attr], x.ref(:attr) and ref(type, name, attr) as references', async () => {
    const scope = await loadScope(
      template(`${declarations}\n  aws_kinesis_video_stream(:s, { a: input.id, b: input.arn, c: input.attached_channels, d: input[:input_class], e: mux.ref(:id), f: ref(:aws_medialive_input, :feed, :arn) })`),
    );
    const stream = resourceAt(scope, 'aws_kinesis_video_stream.s');
    expect(plain(stream.properties)).toEqual({
      a: 'ref:aws_medialive_input.feed.id',
      b: 'ref:aws_medialive_input.feed.arn',
      c: 'ref:aws_medialive_input.feed.attached_channels',
      d: 'ref:aws_medialive_input.feed.input_class',
      e: 'ref:aws_medialive_multiplex.mux.id',
      f: 'ref:aws_medialive_input.feed.arn',
    });
    const reference = valueAt(stream, 'a');
    expect(reference).toMatchObject({ kind: 'reference', target: 'aws_medialive_input.feed', attribute: 'id', expression: 'input.id' });
    expect(at(reference!.span)).toBe('4:37-4:45');
    expect(valueAt(stream, 'f')).toMatchObject({ expression: 'ref(:aws_medialive_input, :feed, :arn)' });
  });

  it('follows Pangea: x.name is the logical name, x.type the type, x.tags the literal tags', async () => {
    const scope = await loadScope(
      template(`  q = aws_mediaconvert_queue(:vod_processing, { name: "VOD Queue", tags: { team: "media" } })\n  aws_kinesis_video_stream(:s, { name: q.name, media_type: q.type, tags: q.tags })`),
    );
    expect(plain(resourceAt(scope, 'aws_kinesis_video_stream.s').properties)).toEqual({ name: 'vod_processing', media_type: 'aws_mediaconvert_queue', tags: { team: 'media' } });
  });

  it('makes a reference inside an interpolated string a partially known string', async () => {
    const scope = await loadScope(template(`${declarations}\n  aws_kinesis_video_stream(:s, { name: "feed-#{input.id}-x" })`));
    const value = valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'name')!;
    expect(plain(value)).toBe('tmpl:feed-{ref:aws_medialive_input.feed.id}-x');
    expect(value.kind === 'template' && typeof value.parts[1] !== 'string' ? at(value.parts[1]!.span) : '').toBe('4:48-4:56');
  });

  it('reads Terraform interpolations written literally, with their place inside the string', async () => {
    const scope = await loadScope(template(`  aws_kinesis_video_stream(:s, { name: "x-\${aws_medialive_input.feed.id}", kms_key_id: "\${aws_kms_key.k.arn}", device_name: "$\${literal}" })`));
    const stream = resourceAt(scope, 'aws_kinesis_video_stream.s');
    expect(plain(stream.properties)).toEqual({ name: 'tmpl:x-{ref:aws_medialive_input.feed.id}', kms_key_id: 'ref:aws_kms_key.k.arn', device_name: '${literal}' });
    expect(at(valueAt(stream, 'kms_key_id')!.span)).toBe('2:89-2:109');
  });

  it('resolves var() and local(): a default or local value, unknown without default, a reference when undeclared', async () => {
    const scope = await loadScope(
      template(
        [
          '  variable :retention do',
          '    default 24',
          '  end',
          '  variable :name do',
          '    type "string"',
          '  end',
          '  locals do',
          '    media "video/h264"',
          '  end',
          '  aws_kinesis_video_stream(:s, { data_retention_in_hours: var(:retention), name: var(:name), media_type: local(:media), device_name: var(:missing), kms_key_id: local(:nope) })',
        ].join('\n'),
      ),
    );
    expect([...scope.parameters.keys()]).toEqual(['var.retention', 'var.name', 'local.media']);
    expect(plain(scope.parameters.get('var.retention')!.defaultValue)).toBe(24);
    const stream = resourceAt(scope, 'aws_kinesis_video_stream.s');
    expect(plain(stream.properties)).toEqual({
      data_retention_in_hours: 24,
      name: 'unknown:variable',
      media_type: 'video/h264',
      device_name: 'ref:var.missing',
      kms_key_id: 'ref:local.nope',
    });
    const retention = valueAt(stream, 'data_retention_in_hours')!;
    expect(at(retention.span)).toBe('3:13-3:15');
    expect(retention.via?.map(at)).toEqual(['11:59-11:74']);
  });

  it('keeps a reference to a resource that does not exist as a reference', async () => {
    const scope = await loadScope(template('  aws_kinesis_video_stream(:s, { kms_key_id: ref(:aws_medialive_input, :nowhere, :id) })'));
    expect(valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'kms_key_id')).toMatchObject({ kind: 'reference', target: 'aws_medialive_input.nowhere' });
  });

  it('makes a reference that may point at a resource with an unknown name unknown', async () => {
    const scope = await loadScope(
      template('  ENV["R"].split(",").each { |r| aws_medialive_input(:"in_#{r}", { name: r }) }\n  aws_kinesis_video_stream(:s, { a: ref(:aws_medialive_input, :in_eu, :id), b: ref(:aws_medialive_input, :other, :id) })'),
    );
    expect(plain(resourceAt(scope, 'aws_kinesis_video_stream.s').properties)).toEqual({ a: 'unknown:unsupported', b: 'ref:aws_medialive_input.other.id' });
  });
});

describe('what is not evaluated', () => {
  it('makes ENV, SecureRandom, unknown methods, backticks and regular expressions unknown values', async () => {
    const stream = await streamOf(
      '  aws_kinesis_video_stream(:s, { a: ENV["A"], b: SecureRandom.hex(8), c: some_component(:x), d: `date`, e: "abc".gsub(/b/, "x"), f: Time.now.to_s, g: jsonencode({ a: 1 }) })',
    );
    expect(plain(stream.properties)).toEqual({
      a: 'unknown:variable',
      b: 'unknown:unsupported',
      c: 'unknown:unsupported',
      d: 'unknown:unsupported',
      e: 'unknown:unsupported',
      f: 'unknown:unsupported',
      g: 'unknown:intrinsic',
    });
  });

  it('opens a hash merged with something unknown', async () => {
    const stream = await streamOf('  extra = ENV["X"] ? { media_type: "video/h265" } : {}\n  aws_kinesis_video_stream(:s, { name: "s" }.merge(extra))');
    expect(plain(stream.properties)).toEqual({ name: 's', '…open': true });
  });
});

describe('resource declarations', () => {
  it('gives typed calls their spans: the call, the name symbol, the method name', async () => {
    const scope = await loadScope(template('  aws_medialive_input(:feed, {\n    name: "feed"\n  })'));
    const input = resourceAt(scope, 'aws_medialive_input.feed');
    expect([at(input.span), at(input.nameSpan), at(input.typeSpan), input.logicalName, input.sourceType, input.type]).toEqual([
      '2:3-4:5',
      '2:23-2:28',
      '2:3-2:22',
      'feed',
      'aws_medialive_input',
      'AWS::MediaLive::Input',
    ]);
  });

  it('reads raw resource blocks: attributes, nested blocks merged (last write wins), meta-arguments dropped', async () => {
    const scope = await loadScope(
      template(
        [
          '  resource :aws_medialive_input, :feed do',
          '    name "feed"',
          '    type "RTMP_PUSH"',
          '    destinations do',
          '      stream_name "a"',
          '    end',
          '    destinations do',
          '      stream_name "b"',
          '    end',
          '    tags do',
          '      Name "feed"',
          '    end',
          '    lifecycle do',
          '      prevent_destroy true',
          '    end',
          '    depends_on ["x"]',
          '  end',
        ].join('\n'),
      ),
    );
    const input = resourceAt(scope, 'aws_medialive_input.feed');
    expect(plain(input.properties)).toEqual({ name: 'feed', type: 'RTMP_PUSH', destinations: [{ stream_name: 'b' }], tags: { name: 'feed' } });
    expect([at(input.typeSpan), at(input.nameSpan), at(propertyAt(input, 'type')!.keySpan)]).toEqual(['2:12-2:32', '2:34-2:39', '4:5-4:9']);
  });

  it('reads `send(:name, value)` and `send(:name) do … end` in raw blocks (Ruby keywords as attribute names)', async () => {
    const scope = await loadScope(template('  resource :aws_medialive_input, :feed do\n    send(:name, "feed")\n    send(:tags) do\n      send(:alias, "x")\n    end\n  end'));
    const input = resourceAt(scope, 'aws_medialive_input.feed');
    expect(plain(input.properties)).toEqual({ name: 'feed', tags: { alias: 'x' } });
    expect(at(propertyAt(input, 'name')!.keySpan)).toBe('3:11-3:15');
  });

  it('drops the meta-arguments of typed calls', async () => {
    const scope = await loadScope(template('  aws_kinesis_video_stream(:s, { name: "s", lifecycle: { prevent_destroy: true }, depends_on: ["x"], count: 2, for_each: {}, provider: "aws.east", provisioner: {} })'));
    expect(plain(resourceAt(scope, 'aws_kinesis_video_stream.s').properties)).toEqual({ name: 's' });
  });

  it('drops the arguments of the Terraform provider that are not API members, as the Terraform front-end does', async () => {
    const scope = await loadScope(
      template(
        [
          '  aws_medialive_channel(:main, { name: "main", start_channel: true, tags_all: { team: "x" }, region: "us-east-1", timeouts: { create: "30m" }, connection: {} })',
          '  aws_medialive_multiplex(:mux, { name: "mux", start_multiplex: false })',
          '  aws_kinesis_video_stream(:s, { name: "s", start_channel: true })',
        ].join('\n'),
      ),
    );
    expect(plain(resourceAt(scope, 'aws_medialive_channel.main').properties)).toEqual({ name: 'main' });
    expect(plain(resourceAt(scope, 'aws_medialive_multiplex.mux').properties)).toEqual({ name: 'mux' });
    // `start_channel` is an argument of the channel only: on a stream it is a mistake to report.
    expect(plain(resourceAt(scope, 'aws_kinesis_video_stream.s').properties)).toEqual({ name: 's', start_channel: true });
  });

  it('maps seed, current and legacy names to canonical types, and keeps unknown names as written', async () => {
    const scope = await loadScope(
      template(['  aws_mediapackage_channel(:a, { channel_id: "a" })', '  aws_media_package_channel(:b, { channel_id: "b" })', '  aws_medialive_chanel(:c, { name: "c" })'].join('\n')),
    );
    expect(scope.resources.map((resource) => [resource.address, resource.type, resource.isMediaType])).toEqual([
      ['aws_mediapackage_channel.a', 'AWS::MediaPackage::Channel', true],
      ['aws_media_package_channel.b', 'AWS::MediaPackage::Channel', true],
      ['aws_medialive_chanel.c', 'aws_medialive_chanel', false],
    ]);
    // The Pangea id members become the CloudFormation `Id`.
    expect(propertyAt(scope.resources[0]!, 'id')).toMatchObject({ name: 'id', sourceName: 'channel_id' });
  });

  it('checks a seed nested-settings resource as that part of an open parent', async () => {
    const scope = await loadScope(template('  aws_medialive_channel_output_settings(:hls, { output_group_settings: { hls_group_settings: {} }, outputs: [] })'));
    const settings = resourceAt(scope, 'aws_medialive_channel_output_settings.hls');
    expect([settings.type, settings.sourceType, settings.isMediaType]).toEqual(['AWS::MediaLive::Channel', 'aws_medialive_channel_output_settings', true]);
    expect(plain(settings.properties)).toEqual({ encoder_settings: { output_groups: [{ output_group_settings: { hls_group_settings: {} }, outputs: [] }, '…open'], '…open': true }, '…open': true });
  });

  it('gives a member the shape of the spec only where a single item is unambiguous', async () => {
    const scope = await loadScope(
      template(
        [
          '  aws_medialive_input_security_group(:sg, { whitelist_rules: { cidr: "10.0.0.0/8" } })',
          '  aws_medialive_multiplex_program(:p, { multiplex_id: "m", program_name: "p", multiplex_program_settings: [{ program_number: 1 }] })',
          '  aws_medialive_multiplex_program(:q, { multiplex_id: "m", program_name: "q", multiplex_program_settings: [{ program_number: 1 }, { program_number: 2 }] })',
        ].join('\n'),
      ),
    );
    expect(plain(valueAt(resourceAt(scope, 'aws_medialive_input_security_group.sg'), 'whitelist_rules'))).toEqual([{ cidr: '10.0.0.0/8' }]);
    expect(plain(valueAt(resourceAt(scope, 'aws_medialive_multiplex_program.p'), 'multiplex_program_settings'))).toEqual({ program_number: 1 });
    expect(plain(valueAt(resourceAt(scope, 'aws_medialive_multiplex_program.q'), 'multiplex_program_settings'))).toEqual([{ program_number: 1 }, { program_number: 2 }]);
  });

  it('merges two declarations of the same resource, as Terraform JSON does', async () => {
    const scope = await loadScope(template('  aws_kinesis_video_stream(:s, { name: "a", media_type: "video/h264" })\n  aws_kinesis_video_stream(:s, { name: "b" })'));
    expect(scope.resources).toHaveLength(1);
    expect(plain(scope.resources[0]!.properties)).toEqual({ name: 'b', media_type: 'video/h264' });
  });
});

describe('templates, outputs and blocks', () => {
  it('makes each template block a scope, and reads outputs', async () => {
    const result = await loadRuby(
      [
        'template :first do',
        '  s = aws_kinesis_video_stream(:s, { name: "s" })',
        '  output :stream_arn do',
        '    value s.arn',
        '    description "the stream"',
        '  end',
        'end',
        'template :second do',
        '  provider :aws do',
        '    region "us-east-1"',
        '  end',
        '  data :aws_caller_identity, :current do',
        '  end',
        '  terraform do',
        '    required_version ">= 1.5"',
        '  end',
        'end',
      ].join('\n'),
      'infra/live.rb',
    );
    expect(result.scopes.map((scope) => [scope.id, scope.kind, scope.format, scope.file, scope.resources.length])).toEqual([
      ['infra/live.rb#first', 'pangea-template', 'pangea', 'infra/live.rb', 1],
      ['infra/live.rb#second', 'pangea-template', 'pangea', 'infra/live.rb', 0],
    ]);
    const output = result.scopes[0]!.outputs[0]!;
    expect([output.name, plain(output.value), at(output.keySpan)]).toEqual(['stream_arn', 'ref:aws_kinesis_video_stream.s.arn', '3:10-3:21']);
  });

  it('reads Pangea.architecture blocks as templates', async () => {
    const result = await loadRuby("Pangea.architecture 'streaming' do\n  aws_kinesis_video_stream(:s, { name: 's' })\nend\n", 'arch.rb');
    expect(result.scopes.map((scope) => scope.id)).toEqual(['arch.rb#streaming']);
  });
});
