import type { Value } from '../../graph/value.js';

/**
 * Recognising secrets in configuration values without guessing: well-known credential formats,
 * passwords embedded in URLs, and tokens that look machine-generated. Every test here is built to
 * stay silent on ordinary names (`live-stream-primary`, `LiveEvent2024MainFeed`, `h264-1080p30-6000k`);
 * a secret it misses is better than a name it calls a secret. Findings never repeat a secret: use
 * `describeSecret` to show one.
 */

/** Stands for a part of a string that the tool cannot resolve (`${Host}` in an `Fn::Sub`). */
const placeholder = '\u0000';

/**
 * The text of a string value with every part the tool cannot resolve replaced by a placeholder, or
 * undefined for a value that is not a string. `complete` is true when every part is known.
 */
export function textWithPlaceholders(value: Value | undefined): { text: string; complete: boolean } | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'known') return typeof value.value === 'string' ? { text: value.value, complete: true } : undefined;
  if (value.kind !== 'template') return undefined;
  let text = '';
  let complete = true;
  for (const part of value.parts) {
    if (typeof part === 'string') text += part;
    else if (part.kind === 'known' && part.value !== null) text += String(part.value);
    else {
      text += placeholder;
      complete = false;
    }
  }
  return { text, complete };
}

/** Shows text with placeholders the way a reader expects: `${…}` for the unresolved parts. */
export function displayText(text: string): string {
  return text.split(placeholder).join('${…}');
}

/** `'sk8…' (20 characters)`: enough to find the value in the file, never enough to use it. */
export function describeSecret(secret: string): string {
  const shown = secret.length >= 12 ? 3 : secret.length >= 8 ? 2 : 0;
  return `'${secret.slice(0, shown)}…' (${secret.length} characters)`;
}

export interface UrlCredentials {
  username: string;
  /** The URL with the password replaced by `****` and unresolved parts shown as `${…}`. */
  redactedUrl: string;
}

/**
 * The user name of a URL that carries a password (`rtmp://user:pass@host/app`), with the URL
 * redacted. A password that comes from a parameter (`rtmp://user:${Password}@host`) counts too: the
 * URL still holds it in plain text once deployed.
 */
export function urlCredentials(value: Value | undefined): UrlCredentials | undefined {
  const string = textWithPlaceholders(value);
  if (!string) return undefined;
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@:\s]*):([^/?#@\s]*)@/i.exec(string.text);
  if (!match) return undefined;
  const [whole, scheme, username, password] = match as unknown as [string, string, string, string];
  if (password.length === 0) return undefined;
  const rest = string.text.slice(whole.length);
  return { username: displayText(username), redactedUrl: displayText(`${scheme}${username}:****@${rest}`) };
}

const letter = /[A-Za-z]/;
const digit = /[0-9]/;

/**
 * True for a token that looks machine-generated: at least 20 characters from a key alphabet, with
 * lower case, upper case and digits thoroughly interleaved (at least four letter/digit and three
 * lower/upper alternations). Hand-made names have their digits in one or two runs and their capitals
 * at word starts, so `LiveEvent2024MainFeed` and `h264-1080p30-6000k` are not generated.
 */
export function looksGenerated(text: string): boolean {
  if (text.length < 20 || !/^[A-Za-z0-9_\-.+/=~]+$/.test(text)) return false;
  if (!/[a-z]/.test(text) || !/[A-Z]/.test(text) || !/[0-9]/.test(text)) return false;
  let letterDigit = 0;
  let caseChanges = 0;
  for (let index = 1; index < text.length; index++) {
    const before = text[index - 1]!;
    const after = text[index]!;
    if ((letter.test(before) && digit.test(after)) || (digit.test(before) && letter.test(after))) letterDigit++;
    if (/[a-z]/.test(before) && /[A-Z]/.test(after)) caseChanges++;
  }
  return letterDigit >= 4 && caseChanges >= 3;
}

interface SecretFormat {
  label: string;
  pattern: RegExp;
}

/** Credential formats with a fixed, recognisable shape; found anywhere in a text. */
const credentialFormats: readonly SecretFormat[] = [
  { label: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { label: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { label: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { label: 'a JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { label: 'a Twitch stream key', pattern: /\blive_\d{6,}_[A-Za-z0-9]{20,}\b/ },
  { label: 'a Facebook Live stream key', pattern: /\bFB-\d{8,}-\d+-[A-Za-z0-9_-]{10,}/ },
];

/** What kind of credential the text contains, if it contains one of a well-known format. */
export function credentialFormat(text: string): string | undefined {
  return credentialFormats.find((format) => format.pattern.test(text))?.label;
}

/**
 * What kind of stream key a whole value is: a known platform format (YouTube keys are four to five
 * dash-separated groups of four lower-case letters and digits, most groups holding both), or a
 * machine-generated token.
 */
export function streamKeyFormat(text: string): string | undefined {
  const known = credentialFormat(text);
  if (known) return known;
  if (/^[a-z0-9]{4}(?:-[a-z0-9]{4}){3,4}$/.test(text)) {
    const groups = text.split('-');
    const mixed = groups.filter((group) => /[a-z]/.test(group) && /[0-9]/.test(group)).length;
    if (mixed >= 3) return 'a YouTube stream key';
  }
  return looksGenerated(text) ? 'a generated key' : undefined;
}

/**
 * A password written into free text (`ingest password: hunter22`, `token=Xy9…`): a secret word, a
 * colon or equals sign, and a value of at least six characters that holds a digit or a symbol
 * (`Stream key: stored in Secrets Manager` is not one). Returns the value.
 */
export function passwordAssignment(text: string): string | undefined {
  if (/^arn:/i.test(text.trim())) return undefined;
  // Not after ':' or '/', where the word is part of an ARN or a path (`…:secret:name`).
  const pattern = /(?<![:/])\b(?:password|passwd|pwd|passphrase|secret|token|api[_ -]?key|stream[_ -]?key)\s*[:=]\s*([^\s,;'"]+)/gi;
  for (const match of text.matchAll(pattern)) {
    const value = match[1]!;
    if (value.length < 6 || value.toLowerCase().startsWith('arn:') || value.startsWith('{{resolve:')) continue;
    if (/[0-9]/.test(value) || /[^A-Za-z]/.test(value)) return value;
  }
  return undefined;
}

/** Keys (of tags) whose name says their value is a secret: `password`, `StreamKey`, `api-token`. */
export function namesASecret(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return /(?:password|passwd|passphrase|secret|secretkey|token|apikey|streamkey|privatekey|accesskey|credentials?)$/.test(normalized);
}

const notSecrets = new Set(['true', 'false', 'yes', 'no', 'none', 'null', 'n/a', 'na', 'enabled', 'disabled', 'required', 'optional', 'rotated', 'managed', 'unknown', 'tbd', 'todo']);

/**
 * True when a value under a secret-named key is plausibly the secret itself rather than a pointer to
 * it or a flag: not an ARN, a parameter path, a dynamic reference, or a yes/no word.
 */
export function couldBeSecretValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 4 || notSecrets.has(trimmed.toLowerCase())) return false;
  return !/^(?:arn:|\/|\{\{resolve:|ssm:|secretsmanager:)/i.test(trimmed);
}

/**
 * The characters of a would-be SSM Parameter Store name that no parameter name may contain (names
 * allow letters, digits, `_`, `.`, `-` and `/`; an ARN also has `:`). Empty when the name is valid.
 */
export function invalidParameterNameCharacters(name: string): string[] {
  if (/^arn:aws[a-z-]*:ssm:/i.test(name)) return [];
  return [...new Set(name.replace(/[A-Za-z0-9_.\-/]/g, '').split(''))];
}

/** `' '`, `'!'` and `'@'` for messages. */
export function listCharacters(characters: readonly string[]): string {
  const quoted = characters.map((character) => (character === ' ' ? 'a space' : `'${character}'`));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * A URL reduced to what is safe to repeat in a finding: scheme and host, without credentials, path or
 * query, which may hold keys (`rtmp://a.rtmp.youtube.com/…`).
 */
export function safeUrl(text: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#]*)(.*)$/i.exec(text);
  if (!match) return displayText(text.length > 24 ? `${text.slice(0, 24)}…` : text);
  return displayText(`${match[1]}${match[2]}${match[3] ? '/…' : ''}`);
}
