import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'redundancy/single-pipeline',
    category: 'redundancy',
    severity: 'warning',
    description: 'A MediaLive channel of class SINGLE_PIPELINE, which has no pipeline redundancy.',
    details:
      "Reports every MediaLive channel whose `ChannelClass` is `SINGLE_PIPELINE`. Disable the rule for development and test channels, or for channels that are deliberately single-pipeline (for example, made resilient by a linked follower channel).",
    rationale:
      'A single-pipeline channel has one encoding pipeline: if it fails, output to the downstream system stops until the pipeline restarts, which takes minutes. A standard channel runs two pipelines on separate infrastructure and keeps delivering from the other one; AWS strongly recommends standard channels for anything that must stay on air.',
    messages: {
      singlePipeline: '{{property}} {{value}} runs the channel on one pipeline: if it fails, output stops until it restarts; use STANDARD (two pipelines, two destinations per output) for a channel that must stay on air.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    references: [
      { title: 'MediaLive user guide: choosing the channel class and input class', url: 'https://docs.aws.amazon.com/medialive/latest/ug/class-channel-input.html' },
      { title: 'MediaLive user guide: determining the channel class ("We strongly recommend that you set up channels as standard channels")', url: 'https://docs.aws.amazon.com/medialive/latest/ug/plan-redundancy-mode.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const cursor = Cursor.root(channel).get('channel_class');
      if (cursor.string() !== 'SINGLE_PIPELINE') continue;
      context.report({ at: cursor, messageId: 'singlePipeline', data: { property: spellMember('channel_class', 'ChannelClass', channel), value: 'SINGLE_PIPELINE' } });
    }
  },
});
