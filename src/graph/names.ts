/**
 * Canonical property names are snake_case, the spelling Terraform and Pangea use for the AWS API
 * members: `GopSizeUnits` (CloudFormation), `gopSizeUnits` (CDK) and `gop_size_units` all become
 * `gop_size_units`; `H264Settings` becomes `h264_settings`, `IFrameOnlyPlaylists` becomes
 * `i_frame_only_playlists`, `Fmp4HlsSettings` becomes `fmp4_hls_settings`.
 */
const cache = new Map<string, string>();

export function toCanonicalName(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  let result = '';
  for (let i = 0; i < name.length; i++) {
    const char = name[i]!;
    const isUpper = char >= 'A' && char <= 'Z';
    if (isUpper) {
      const previous = name[i - 1];
      const next = name[i + 1];
      const previousIsLowerOrDigit = previous !== undefined && /[a-z0-9]/.test(previous);
      const previousIsUpper = previous !== undefined && previous >= 'A' && previous <= 'Z';
      const nextIsLower = next !== undefined && next >= 'a' && next <= 'z';
      if (result.length > 0 && !result.endsWith('_') && (previousIsLowerOrDigit || (previousIsUpper && nextIsLower))) {
        result += '_';
      }
      result += char.toLowerCase();
    } else if (char === '-' || char === ' ') {
      result += '_';
    } else {
      result += char;
    }
  }
  cache.set(name, result);
  return result;
}

/** `gop_size_units` → `GopSizeUnits`, for messages addressed to CloudFormation users when no
 * source spelling is at hand. */
export function toPascalCase(canonical: string): string {
  return canonical
    .split('_')
    .map((part) => (part.length === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('');
}
