import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { forEachDescendant } from '../../graph/traverse.js';
import { memberLabel, spellPath } from '../support/labels.js';
import { describeSecret, invalidParameterNameCharacters, listCharacters, looksGenerated, urlCredentials } from '../support/secrets.js';

/** Members that hold a URL: `Url`, `Uri`, `SdpUrl`, `BaseUrlManifest`, … */
function holdsUrl(name: string): boolean {
  return name === 'url' || name === 'uri' || name.endsWith('_url') || name.startsWith('base_url');
}

export default defineRule({
  meta: {
    id: 'security/inline-credentials',
    category: 'security',
    severity: 'error',
    description: 'A password written into a URL, or a MediaLive PasswordParam that holds a password instead of the name of an SSM parameter.',
    details:
      "Looks at every URL member (`Url`, `Uri`, `*Url`, `BaseUrl*`) of every media resource and reports one that carries a password (`scheme://user:password@host`, including a password that comes from a parameter). For MediaLive inputs and channels it also checks every `PasswordParam`, which must be the name or ARN of an SSM Parameter Store parameter: it reports a value with characters no parameter name can contain (spaces, `!`, `@`, `#`, …), a value that looks machine-generated (20 or more characters mixing lower case, upper case and digits throughout) and has no `/` path, and a CloudFormation dynamic reference to a secure string or a secret (`{{resolve:ssm-secure:…}}`, `{{resolve:secretsmanager:…}}`), which makes CloudFormation write the password itself into the property. Passwords are never repeated in full in the message.",
    rationale:
      'MediaLive "requires that you do not include credentials information in the URL" and reads passwords only from the Parameter Store: "For the password, enter the name of the password stored on the AWS Systems Manager Parameter Store. Don\'t enter the password itself." A password in a URL or in PasswordParam is stored in plain text in the template, in the repository history and in the channel or input description that anyone with read access to MediaLive can list; MediaLive also fails to fetch it, so the connection does not authenticate.',
    messages: {
      urlPasswordMediaLive:
        "{{property}} '{{url}}' carries the password of user '{{user}}' in the URL; MediaLive requires credentials to stay out of URLs. Remove them, set {{username}}, and put the password in an SSM SecureString parameter named by {{passwordParam}}.",
      urlPassword: "{{property}} '{{url}}' carries the password of user '{{user}}' in the URL, where anyone who can read the configuration sees it; remove the credentials from the URL and use the service's own authentication setting.",
      dynamicReference:
        "{{property}} uses the dynamic reference '{{reference}}', which makes CloudFormation write the password itself into the property; give the name of the SSM SecureString parameter instead (for example '/medialive/ingest-password').",
      notParameterName:
        "{{property}} {{value}} is not an SSM parameter name (it contains {{characters}}, which parameter names cannot), so MediaLive cannot read a password from it; if it is the password itself, move it into an SSM SecureString parameter and give the parameter's name.",
      looksLikePassword:
        "{{property}} {{value}} looks like a generated password rather than the name of an SSM parameter; store the password in an SSM SecureString parameter and give the parameter's name (for example '/medialive/ingest-password').",
    },
    appliesTo: '*',
    sources: ['ML-026'],
    securitySeverity: 7.5,
    references: [
      { title: 'MediaLive user guide: data protection (no credentials in URLs)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/data-retention.html' },
      { title: 'MediaLive user guide: HLS output to MediaPackage (password in Parameter Store)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/hls-example-mediapackage.html' },
      { title: 'AWS Systems Manager: requirements and constraints for parameter names', url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-parameter-name-constraints.html' },
      { title: 'AWS CloudFormation: dynamic references', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html' },
    ],
  },
  check(context) {
    for (const resource of context.graph.resources) {
      if (!resource.isMediaType) continue;
      const isMediaLive = resource.type.startsWith('AWS::MediaLive::');
      forEachDescendant(Cursor.root(resource), (cursor) => {
        const name = cursor.segment;
        if (typeof name !== 'string') return;
        if (holdsUrl(name)) {
          const credentials = urlCredentials(cursor.value);
          if (credentials) {
            context.report({
              at: cursor,
              messageId: isMediaLive ? 'urlPasswordMediaLive' : 'urlPassword',
              data: { property: memberLabel(cursor), url: credentials.redactedUrl, user: credentials.username, username: spellPath(resource, ['username']), passwordParam: spellPath(resource, ['password_param']) },
            });
          }
        } else if (name === 'password_param' && isMediaLive) {
          const value = cursor.string();
          if (value === undefined || value.length === 0) return;
          const property = memberLabel(cursor);
          const dynamic = /^\{\{resolve:(ssm-secure|secretsmanager):/.exec(value);
          if (dynamic) {
            context.report({ at: cursor, messageId: 'dynamicReference', data: { property, reference: `{{resolve:${dynamic[1]}:…}}` } });
            return;
          }
          // Other dynamic references ({{resolve:ssm:…}}) resolve to a plain parameter value that may well be a name.
          if (value.startsWith('{{resolve:')) return;
          const invalid = invalidParameterNameCharacters(value);
          if (invalid.length > 0) {
            context.report({ at: cursor, messageId: 'notParameterName', data: { property, value: describeSecret(value), characters: listCharacters(invalid) } });
          } else if (!value.includes('/') && looksGenerated(value)) {
            context.report({ at: cursor, messageId: 'looksLikePassword', data: { property, value: describeSecret(value) } });
          }
        }
      });
    }
  },
});
