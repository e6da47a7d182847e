import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { memberLabel } from '../support/labels.js';
import { couldBeSecretValue, credentialFormat, describeSecret, namesASecret, passwordAssignment } from '../support/secrets.js';

/** Free-form top-level members that end up in consoles, ARNs, billing reports and logs. */
function isNameField(name: string): boolean {
  return name === 'name' || name === 'description' || name === 'id' || name.endsWith('_name');
}

interface Tag {
  key: string;
  value: Cursor;
}

/** Tags as a CloudFormation list of `{ Key, Value }` or as a map (Terraform, MediaLive's JSON tags). */
function tagsOf(root: Cursor): Tag[] {
  const tags = root.get('tags');
  if (tags.value?.kind === 'list') {
    return tags.items().flatMap((item) => {
      const key = item.get('key').string();
      return key === undefined ? [] : [{ key, value: item.get('value') }];
    });
  }
  return tags.entries().map((entry) => ({ key: entry.property?.sourceName ?? String(entry.segment), value: entry }));
}

export default defineRule({
  meta: {
    id: 'security/secrets-in-names-or-tags',
    category: 'security',
    severity: 'warning',
    description: 'A password, token or key written into a media resource\'s name, description or tags.',
    details:
      "Checks the top-level `Name`, `Description`, `Id` and `…Name` members and the tag values of every media resource. Reports a value that contains a credential of a recognisable format (AWS access key id, private key block, GitHub, Slack or Google API token, JSON web token, Twitch or Facebook stream key), or a password assignment (`password: …`, `token=…`, `stream key: …` followed by a value of six or more characters holding a digit or a symbol), and a tag whose key names a secret (`Password`, `StreamKey`, `api-token`, `ClientSecret`, …) with a value that is not an ARN, a parameter path, a dynamic reference or a yes/no word. Ordinary names are never judged by how random they look, so ids, dates and rendition names are not reported.",
    rationale:
      'AWS asks never to put "confidential or sensitive information … into tags or free-form fields such as a Name field": they are shown in consoles, copied into billing and Cost Explorer reports, CloudTrail events, ARNs and logs, and readable by anyone with list or describe permissions, far more widely than the secret itself should be.',
    messages: {
      credential: "{{property}} contains what looks like {{kind}}, {{value}}; names, descriptions and tags are visible to anyone who can list the resource, in billing reports and in logs. Remove it, keep the secret in AWS Secrets Manager, and rotate it.",
      assignment: "{{property}} contains a password-like assignment whose value is {{value}}; names, descriptions and tags are visible to anyone who can list the resource. Remove it, keep the secret in AWS Secrets Manager, and rotate it.",
      secretTag: "Tag '{{key}}' holds {{value}}, which its name says is a secret; tags are visible to anyone who can list the resource and in billing reports. Store the secret in AWS Secrets Manager and tag the resource with the secret's ARN if you need the link.",
    },
    appliesTo: '*',
    sources: ['SEC-001'],
    securitySeverity: 6.0,
    references: [
      { title: 'MediaLive user guide: data protection ("never put confidential or sensitive information … into tags or free-form fields")', url: 'https://docs.aws.amazon.com/medialive/latest/ug/data-retention.html' },
      { title: 'Tagging AWS resources: best practices (do not store sensitive data in tags)', url: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html' },
    ],
  },
  check(context) {
    for (const resource of context.graph.resources) {
      if (!resource.isMediaType) continue;
      const root = Cursor.root(resource);
      const checkText = (cursor: Cursor, property: string): boolean => {
        const text = cursor.string();
        if (text === undefined) return false;
        const kind = credentialFormat(text);
        if (kind) {
          context.report({ at: cursor, messageId: 'credential', data: { property, kind, value: describeSecret(text) } });
          return true;
        }
        const assigned = passwordAssignment(text);
        if (assigned) {
          context.report({ at: cursor, messageId: 'assignment', data: { property, value: describeSecret(assigned) } });
          return true;
        }
        return false;
      };
      for (const member of root.entries()) {
        const name = member.path[0];
        if (typeof name === 'string' && isNameField(name)) checkText(member, memberLabel(member));
      }
      for (const tag of tagsOf(root)) {
        if (checkText(tag.value, `Tag '${tag.key}'`)) continue;
        const value = tag.value.string();
        if (value !== undefined && namesASecret(tag.key) && couldBeSecretValue(value)) {
          context.report({ at: tag.value, messageId: 'secretTag', data: { key: tag.key, value: describeSecret(value) } });
        }
      }
    }
  },
});
