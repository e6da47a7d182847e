export type Severity = 'error' | 'warning' | 'info';

export const severityOrder: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** One problem found in the input: by a rule, or by the loader (`parse-error`, `file-error`). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Key of the rule's message template (`unknownProperty`). */
  messageId: string;
  /** File path as reported (relative to the working directory when inside it). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The resource the finding is about, if any. */
  resource?: {
    /** Address in its scope (CloudFormation logical id, `aws_medialive_channel.live`). */
    address: string;
    /** Canonical type (`AWS::MediaLive::Channel`). */
    type: string;
    /** Type as written in the source. */
    sourceType: string;
  };
  /** Canonical property path (`encoder_settings.video_descriptions[0].width`). */
  propertyPath?: string;
  /** The same path in the source's spelling (`EncoderSettings.VideoDescriptions[0].Width`). */
  sourcePath?: string;
  /** CDK construct path (`LiveStack/Channel/Resource`). */
  constructPath?: string;
  /** Where the construct was created in the CDK app. */
  constructSource?: { file: string; line: number; column?: number };
  /** Other places that matter for the finding (where a parameter default is used, …). */
  related?: Array<{ message: string; file: string; line: number; column: number; endLine: number; endColumn: number }>;
  /** Stable across unrelated edits that move lines: derived from rule, file, resource, path and message. */
  fingerprint: string;
  /** A value that fixes the finding, to put in place of the reported value. The reporters leave it
   * out; the ESLint plugin offers it as a suggestion where the value is a literal written in place. */
  suggestion?: ValueSuggestion;
}

/** A replacement for the value a finding points at (the closest valid enum value). */
export interface ValueSuggestion {
  replaceWith: string | number | boolean;
}
