import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { actionMatches, identityPolicyDocuments, isAllow, policyStatements, stringOrStrings, type ResourceLookup } from './iam.js';
import { textWithPlaceholders } from './secrets.js';

/**
 * Kinesis Video Streams facts shared by the kinesis-video rules: the content types the producer
 * libraries know, and the IAM grants that show a stream is played back from its archive.
 */

/**
 * Content types the Kinesis Video Streams producer libraries define as constants
 * (awslabs/amazon-kinesis-video-streams-pic, `src/mkvgen/include/com/amazonaws/kinesis/video/mkvgen/Include.h`).
 */
export const knownMediaTypes: readonly string[] = [
  'video/h264',
  'video/h265',
  'video/avc',
  'video/hevc',
  'video/x-matroska',
  'audio/aac',
  'audio/alaw',
  'audio/mulaw',
  'audio/x-matroska',
];

/** The `MediaType` pattern of the Kinesis Video Streams API (`\w` is `[A-Za-z0-9_]`). */
export const mediaTypePattern = /^[\w\-.+]+\/[\w\-.+]+(?:,[\w\-.+]+\/[\w\-.+]+)*$/;

export const mediaTypeMaxLength = 128;

/**
 * The archived-media APIs, which read data the stream has persisted: with `DataRetentionInHours: 0`
 * there is none, and they fail.
 */
const playbackActions = ['GetHLSStreamingSessionURL', 'GetDASHStreamingSessionURL', 'GetClip', 'GetImages', 'GetMediaForFragmentList', 'ListFragments'].map(
  (name) => `kinesisvideo:${name}`,
);

export interface PlaybackGrant {
  /** The policy's resource (role, policy). */
  grantee: Resource;
  /** The action of the statement that grants playback. */
  action: Cursor;
  /** The action as written. */
  actionName: string;
  /** Does the statement's `Resource` cover this stream? */
  covers(stream: Resource): boolean;
}

/**
 * True for an action pattern that grants an archived-media API and is specific to it: a wildcard
 * that also grants live reading (`kinesisvideo:Get*` covers `GetMedia`) shows no intent to play back.
 */
function grantsPlayback(pattern: string): boolean {
  if (actionMatches(pattern, 'kinesisvideo:GetMedia') || actionMatches(pattern, 'kinesisvideo:PutMedia')) return false;
  return playbackActions.some((action) => actionMatches(pattern, action));
}

function coverage(resourceCursor: Cursor): (stream: Resource) => boolean {
  const entries = resourceCursor.value?.kind === 'list' ? resourceCursor.items() : [resourceCursor];
  return (stream) => {
    const name = Cursor.root(stream).get('name').string();
    return entries.some((entry) => {
      const value = entry.value;
      if (value?.kind === 'reference') return value.target === stream.address;
      if (value?.kind === 'template' && value.parts.some((part) => typeof part !== 'string' && part.kind === 'reference' && part.target === stream.address)) return true;
      const text = textWithPlaceholders(value);
      if (!text?.complete) return false;
      if (text.text === '*' || /:stream\/\*/.test(text.text)) return true;
      return name !== undefined && text.text.includes(`:stream/${name}/`);
    });
  };
}

/** Every `Allow` statement of an identity policy that grants an archived-media API. */
export function playbackGrants(context: ResourceLookup): PlaybackGrant[] {
  const grants: PlaybackGrant[] = [];
  for (const { resource, document } of identityPolicyDocuments(context)) {
    for (const statement of policyStatements(document)) {
      if (!isAllow(statement)) continue;
      const actionCursor = statement.get('action');
      const actions = actionCursor.value?.kind === 'list' ? actionCursor.items() : [actionCursor];
      const granting = actions.find((action) => {
        const names = stringOrStrings(action);
        return names !== undefined && names.some(grantsPlayback);
      });
      if (!granting) continue;
      grants.push({ grantee: resource, action: granting, actionName: granting.string() ?? '', covers: coverage(statement.get('resource')) });
    }
  }
  return grants;
}

/** The first grant in the stream's template or module that plays the stream back. */
export function playbackGrantFor(grants: readonly PlaybackGrant[], stream: Resource): PlaybackGrant | undefined {
  return grants.find((grant) => grant.grantee.scope === stream.scope && grant.covers(stream));
}

/**
 * The stream's retention when it is certainly zero: `0` written, or absent (the API default is 0).
 * Returns the cursor, or undefined when the retention is not certainly zero.
 */
export function zeroRetention(stream: Resource): Cursor | undefined {
  const retention = Cursor.root(stream).get('data_retention_in_hours');
  if (retention.isMissing || retention.number() === 0) return retention;
  return undefined;
}
