import type { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { spellMember } from './spelling.js';

/**
 * The name of the member a cursor designates, as the user wrote it when it is written (`LogLevel`,
 * `log_level`), else in the format's spelling. For an absent member this is the name to add.
 */
export function memberLabel(cursor: Cursor): string {
  const last = cursor.segment;
  if (cursor.property) return cursor.property.sourceName;
  return typeof last === 'string' ? spellMember(last, undefined, cursor.resource) : String(last ?? '');
}

/** A path of canonical member names in the resource's format: `DestinationSettings.S3Settings.Encryption`
 * in CloudFormation, `destination_settings.s3_settings.encryption` in Terraform and Pangea. */
export function spellPath(resource: Resource, canonicalPath: readonly string[]): string {
  return canonicalPath.map((member) => spellMember(member, undefined, resource)).join('.');
}
