import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { trustPolicyExcludes } from '../support/iam.js';
import { memberLabel } from '../support/labels.js';

const roleArn = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]+$/;
const roleTypes = ['AWS::IAM::Role', 'aws_iam_role'];

export default defineRule({
  meta: {
    id: 'mediaconvert/job-role',
    category: 'mediaconvert',
    severity: 'error',
    description: 'A MediaConvert job whose Role is not an IAM role ARN, or names a role that MediaConvert is not allowed to assume.',
    details:
      "Checks `Role` of MediaConvert jobs (which only Pangea declares; CloudFormation and Terraform have no job resource). A literal must be an IAM role ARN (`arn:aws:iam::<account>:role/<name>`). A reference to an IAM role of the same template or module must read its ARN (`!GetAtt Role.Arn`, `aws_iam_role.x.arn`), not its name (`!Ref Role`, `.name`, `.id`), and the role's trust policy, when fully known, must allow `mediaconvert.amazonaws.com` to `sts:AssumeRole`. A job without `Role` is `schema/missing-required`'s.",
    rationale:
      'MediaConvert runs every job as the role it is given: "CreateJob requires Role". A role name, a user ARN or a role that does not trust the MediaConvert service makes every submission fail with an access error, typically only when the first real file arrives.',
    messages: {
      notRoleArn: "{{property}} '{{value}}' is not an IAM role ARN; MediaConvert needs the role's full ARN (arn:aws:iam::<account>:role/<name>).",
      roleName: "{{property}} {{expression}} gives the role's name, not its ARN; use the role's ARN ({{arnExpression}}).",
      untrusted: "{{property}} refers to role '{{role}}', whose trust policy does not allow mediaconvert.amazonaws.com to assume it; add a statement allowing the service principal mediaconvert.amazonaws.com the action sts:AssumeRole.",
    },
    appliesTo: ['AWS::MediaConvert::Job'],
    sources: ['MC-013'],
    references: [
      { title: 'MediaConvert API: CreateJob (Role)', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobs.html' },
      { title: 'MediaConvert user guide: setting up IAM permissions', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/iam-role.html' },
    ],
  },
  check(context) {
    for (const job of context.resources('AWS::MediaConvert::Job')) {
      const role = Cursor.root(job).get('role');
      const property = memberLabel(role);
      const literal = role.string();
      if (literal !== undefined) {
        if (!roleArn.test(literal)) context.report({ at: role, messageId: 'notRoleArn', data: { property, value: literal } });
        continue;
      }
      const reference = role.reference();
      if (!reference) continue;
      const target = context.resolve(reference, job);
      if (!target || !roleTypes.includes(target.type)) continue;
      const attribute = reference.attribute?.toLowerCase();
      if (attribute === undefined || attribute === 'name' || attribute === 'id') {
        const arnExpression = job.format === 'cloudformation' || job.format === 'cdk' ? `!GetAtt ${target.address}.Arn` : `${target.address}.arn`;
        context.report({ at: role, messageId: 'roleName', data: { property, expression: reference.expression, arnExpression } });
        continue;
      }
      if (trustPolicyExcludes(target, 'mediaconvert.amazonaws.com')) context.report({ at: role, messageId: 'untrusted', data: { property, role: target.address } });
    }
  },
});
