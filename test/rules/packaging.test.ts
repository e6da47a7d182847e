import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

describe('packaging/window-segments', () => {
  it('reports live HLS playlists shorter than six segments (v1 and v2 low-latency)', async () => {
    expect(await fixtureFindings('cloudformation/packaging/window-segments/fail.yaml', 'packaging/window-segments')).toEqual([
      {
        ruleId: 'packaging/window-segments',
        line: 14,
        column: 32,
        message:
          'PlaylistWindowSeconds 30 s holds 5 segments of 6 s; a live HLS playlist must hold at least 6 segments (Apple HLS authoring specification 8.11); use a window of at least 36 s.',
      },
      {
        ruleId: 'packaging/window-segments',
        line: 26,
        column: 34,
        message:
          'ManifestWindowSeconds 40 s holds 4 segments of 10 s; a live HLS playlist must hold at least 6 segments (Apple HLS authoring specification 8.11); use a window of at least 60 s.',
      },
    ]);
  });

  it('accepts windows of six segments or more', async () => {
    expect(await fixtureFindings('cloudformation/packaging/window-segments/pass.yaml', 'packaging/window-segments')).toEqual([]);
  });
});

describe('packaging/dash-window-segments', () => {
  it('reports live DASH manifests shorter than six segments (v1 and v2)', async () => {
    expect(await fixtureFindings('cloudformation/packaging/dash-window-segments/fail.yaml', 'packaging/dash-window-segments')).toEqual([
      {
        ruleId: 'packaging/dash-window-segments',
        line: 14,
        column: 32,
        message:
          'ManifestWindowSeconds 60 s holds 2 segments of 30 s; a live DASH manifest should hold at least 6 segments so that players can buffer and recover; use a window of at least 180 s.',
      },
      {
        ruleId: 'packaging/dash-window-segments',
        line: 26,
        column: 34,
        message:
          'ManifestWindowSeconds 30 s holds 5 segments of 6 s; a live DASH manifest should hold at least 6 segments so that players can buffer and recover; use a window of at least 36 s.',
      },
    ]);
  });

  it('accepts windows of six segments or more', async () => {
    expect(await fixtureFindings('cloudformation/packaging/dash-window-segments/pass.yaml', 'packaging/dash-window-segments')).toEqual([]);
  });
});

describe('packaging/live-window-duration', () => {
  it('reports HLS windows under 15 minutes and a v1 window above the 5-minute quota', async () => {
    expect(await fixtureFindings('cloudformation/packaging/live-window-duration/fail.yaml', 'packaging/live-window-duration')).toEqual([
      {
        ruleId: 'packaging/live-window-duration',
        line: 14,
        column: 32,
        message:
          'PlaylistWindowSeconds 60 s keeps 1 min of live content in the playlist; Apple recommends at least 15 min so viewers can pause and rewind; lengthen the window (beyond 300 s, raise the MediaPackage Maximum Live Manifest Length quota first).',
      },
      {
        ruleId: 'packaging/live-window-duration',
        line: 22,
        column: 32,
        message:
          "ManifestWindowSeconds 1800 s is longer than MediaPackage v1's default Maximum Live Manifest Length quota of 300 s; request a quota increase before deploying, or shorten the window.",
      },
      {
        ruleId: 'packaging/live-window-duration',
        line: 34,
        column: 34,
        message:
          'ManifestWindowSeconds 300 s keeps 5 min of live content in the playlist; Apple recommends at least 15 min so viewers can pause and rewind; lengthen the window.',
      },
    ]);
  });

  it('accepts a 15-minute v2 HLS window and a v1 window within the quota', async () => {
    expect(await fixtureFindings('cloudformation/packaging/live-window-duration/pass.yaml', 'packaging/live-window-duration')).toEqual([]);
  });
});

describe('packaging/time-delay', () => {
  it('reports a delay below 5 s and one not shorter than the startover window', async () => {
    expect(await fixtureFindings('cloudformation/packaging/time-delay/fail.yaml', 'packaging/time-delay')).toEqual([
      {
        ruleId: 'packaging/time-delay',
        line: 12,
        column: 25,
        message:
          'TimeDelaySeconds 3 is outside the time delay MediaPackage accepts: between 5 and 86400 seconds (24 hours), or 0 to turn it off.',
      },
      {
        ruleId: 'packaging/time-delay',
        line: 21,
        column: 25,
        message:
          'TimeDelaySeconds 10800 is not shorter than StartoverWindowSeconds 3600; MediaPackage serves delayed content from the startover window, so the delay must be shorter; lengthen the startover window or shorten the delay.',
      },
    ]);
  });

  it('accepts delays within the limits and shorter than the startover window', async () => {
    expect(await fixtureFindings('cloudformation/packaging/time-delay/pass.yaml', 'packaging/time-delay')).toEqual([]);
  });
});

describe('packaging/drm-container', () => {
  it('reports DRM systems the container, method or SPEKE version does not support', async () => {
    expect(await fixtureFindings('cloudformation/packaging/drm-container/fail.yaml', 'packaging/drm-container')).toEqual([
      {
        ruleId: 'packaging/drm-container',
        line: 15,
        column: 29,
        message:
          'FairPlay in an HLS package with SPEKE v1 needs SAMPLE-AES encryption, but EncryptionMethod is AES_128; set EncryptionMethod to SAMPLE_AES.',
      },
      {
        ruleId: 'packaging/drm-container',
        line: 22,
        column: 17,
        message:
          'Widevine is not supported in an HLS package with SPEKE v1 (supported: FairPlay, ClearKey AES-128); remove it from SystemIds, or serve Widevine from a package that supports it.',
      },
      {
        ruleId: 'packaging/drm-container',
        line: 34,
        column: 35,
        message:
          'FairPlay in the CMAF container with SPEKE v2 needs cbcs encryption, but CmafEncryptionMethod is CENC; set CmafEncryptionMethod to CBCS.',
      },
      {
        ruleId: 'packaging/drm-container',
        line: 41,
        column: 17,
        message:
          'ClearKey AES-128 is not supported in the CMAF container with SPEKE v2 (supported: FairPlay, Widevine, PlayReady, Irdeto); remove it from DrmSystems, or serve ClearKey AES-128 from a package that supports it.',
      },
    ]);
  });

  it('accepts FairPlay with SAMPLE-AES and CMAF cbcs with FairPlay, Widevine and PlayReady', async () => {
    expect(await fixtureFindings('cloudformation/packaging/drm-container/pass.yaml', 'packaging/drm-container')).toEqual([]);
  });
});

describe('packaging/drm-system-id', () => {
  it('reports a mistyped system id with the closest known one', async () => {
    expect(await fixtureFindings('cloudformation/packaging/drm-system-id/fail.yaml', 'packaging/drm-system-id')).toEqual([
      {
        ruleId: 'packaging/drm-system-id',
        line: 20,
        column: 17,
        message:
          "SystemIds entry 'edef8ba9-79d6-4ace-a3c8-27dcd51d21de' is not the id of a DRM system MediaPackage supports; did you mean 'edef8ba9-79d6-4ace-a3c8-27dcd51d21ed' (Widevine)?",
      },
    ]);
  });

  it('accepts the documented system ids', async () => {
    expect(await fixtureFindings('cloudformation/packaging/drm-system-id/pass.yaml', 'packaging/drm-system-id')).toEqual([]);
  });
});

describe('packaging/speke-url', () => {
  it('reports a v2 key provider URL whose scheme is http', async () => {
    expect(await fixtureFindings('cloudformation/packaging/speke-url/fail.yaml', 'packaging/speke-url')).toEqual([
      {
        ruleId: 'packaging/speke-url',
        line: 21,
        column: 18,
        message:
          "SPEKE Url 'http://…' does not start with https://; MediaPackage v2 requires an HTTPS key provider URL; use the https:// URL of the API Gateway in front of the key server.",
      },
    ]);
  });

  it('accepts an https key provider URL', async () => {
    expect(await fixtureFindings('cloudformation/packaging/speke-url/pass.yaml', 'packaging/speke-url')).toEqual([]);
  });
});

describe('packaging/speke-url-v1', () => {
  it('reports a v1 key provider URL that is not https', async () => {
    expect(await fixtureFindings('cloudformation/packaging/speke-url-v1/fail.yaml', 'packaging/speke-url-v1')).toEqual([
      {
        ruleId: 'packaging/speke-url-v1',
        line: 18,
        column: 18,
        message:
          "SPEKE Url 'http://keys.drm-vendor.example.com/speke/v1/copyProtection' is not https://: content keys would travel in clear between MediaPackage and the key server; use the https:// URL of the key provider's API Gateway.",
      },
    ]);
  });

  it('accepts an https key provider URL', async () => {
    expect(await fixtureFindings('cloudformation/packaging/speke-url-v1/pass.yaml', 'packaging/speke-url-v1')).toEqual([]);
  });
});

describe('packaging/constant-iv', () => {
  it('reports a constant IV and key rotation turned off on a live endpoint', async () => {
    expect(await fixtureFindings('cloudformation/packaging/constant-iv/fail.yaml', 'packaging/constant-iv')).toEqual([
      {
        ruleId: 'packaging/constant-iv',
        line: 16,
        column: 41,
        message:
          'ConstantInitializationVector sets a constant initialization vector, so every segment is encrypted with the same IV; leave it unset so that MediaPackage rotates the IV, unless a player requires it.',
      },
      {
        ruleId: 'packaging/constant-iv',
        line: 17,
        column: 39,
        message:
          'KeyRotationIntervalSeconds 0 turns key rotation off on this live endpoint, so one content key protects the whole stream; set a rotation interval (MediaPackage v1 rotates every 60 s by default).',
      },
    ]);
  });

  it('accepts rotating IVs and keys', async () => {
    expect(await fixtureFindings('cloudformation/packaging/constant-iv/pass.yaml', 'packaging/constant-iv')).toEqual([]);
  });
});

describe('packaging/constant-iv-format', () => {
  it('reports an IV read as a number and one with dashes', async () => {
    expect(await fixtureFindings('cloudformation/packaging/constant-iv-format/fail.yaml', 'packaging/constant-iv-format')).toEqual([
      {
        ruleId: 'packaging/constant-iv-format',
        line: 16,
        column: 41,
        message:
          'ConstantInitializationVector is read as the number 1, not as 32 hexadecimal characters; quote the value so that it stays a string.',
      },
      {
        ruleId: 'packaging/constant-iv-format',
        line: 33,
        column: 41,
        message:
          "ConstantInitializationVector '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9' is not a 128-bit hex value: it must be exactly 32 hexadecimal characters (36 characters given, including '-', which is not hexadecimal).",
      },
    ]);
  });

  it('accepts 32 hexadecimal characters, quoted when they are all digits', async () => {
    expect(await fixtureFindings('cloudformation/packaging/constant-iv-format/pass.yaml', 'packaging/constant-iv-format')).toEqual([]);
  });
});

describe('packaging/dash-number-with-duration', () => {
  it('reports NUMBER_WITH_DURATION on a DASH endpoint', async () => {
    expect(await fixtureFindings('cloudformation/packaging/dash-number-with-duration/fail.yaml', 'packaging/dash-number-with-duration')).toEqual([
      {
        ruleId: 'packaging/dash-number-with-duration',
        line: 15,
        column: 32,
        message:
          "SegmentTemplateFormat NUMBER_WITH_DURATION fixes the endpoint's segment duration for good: MediaPackage does not let you change SegmentDurationSeconds after the endpoint is created; use NUMBER_WITH_TIMELINE unless your players need a fixed $Number$ duration.",
      },
    ]);
  });

  it('accepts NUMBER_WITH_TIMELINE', async () => {
    expect(await fixtureFindings('cloudformation/packaging/dash-number-with-duration/pass.yaml', 'packaging/dash-number-with-duration')).toEqual([]);
  });
});

describe('packaging/mediapackage-group-video', () => {
  const id = 'packaging/mediapackage-group-video';
  it.each([
    [
      'cloudformation/packaging/mediapackage-group-video/fail.yaml',
      [
        { ruleId: id, line: 21, column: 13, message: "Video description 'video_1080p' is used in a MediaPackage output group but has no Height; the MediaPackage output group doesn't support taking the width and height from the source, so set Width and Height explicitly." },
        { ruleId: id, line: 26, column: 35, message: "FramerateControl INITIALIZE_FROM_SOURCE in video description 'video_1080p' takes the frame rate from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with FramerateNumerator and FramerateDenominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)." },
        { ruleId: id, line: 27, column: 29, message: "ParControl INITIALIZE_FROM_SOURCE in video description 'video_1080p' takes the pixel aspect ratio from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with ParNumerator and ParDenominator (1 and 1 for square pixels)." },
        { ruleId: id, line: 34, column: 15, message: "Video description 'video_720p' is used in a MediaPackage output group but has no FramerateControl; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's frame rate, so set FramerateControl to SPECIFIED with FramerateNumerator and FramerateDenominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)." },
        { ruleId: id, line: 34, column: 15, message: "Video description 'video_720p' is used in a MediaPackage output group but has no ParControl; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's pixel aspect ratio, so set ParControl to SPECIFIED with ParNumerator and ParDenominator (1 and 1 for square pixels)." },
        { ruleId: id, line: 42, column: 15, message: "ParControl is SPECIFIED in video description 'video_540p' but ParDenominator is missing; the MediaPackage output group needs both ParNumerator and ParDenominator (1 and 1 for square pixels)." },
      ],
    ],
    [
      'terraform/packaging/mediapackage-group-video/fail.tf',
      [
        { ruleId: id, line: 18, column: 5, message: "Video description 'video_1080p' is used in a MediaPackage output group but has no height; the MediaPackage output group doesn't support taking the width and height from the source, so set width and height explicitly." },
        { ruleId: id, line: 24, column: 31, message: "framerate_control INITIALIZE_FROM_SOURCE in video description 'video_1080p' takes the frame rate from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with framerate_numerator and framerate_denominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)." },
        { ruleId: id, line: 25, column: 31, message: "par_control INITIALIZE_FROM_SOURCE in video description 'video_1080p' takes the pixel aspect ratio from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with par_numerator and par_denominator (1 and 1 for square pixels)." },
        { ruleId: id, line: 37, column: 9, message: "Video description 'video_720p' is used in a MediaPackage output group but has no framerate_control; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's frame rate, so set framerate_control to SPECIFIED with framerate_numerator and framerate_denominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)." },
        { ruleId: id, line: 37, column: 9, message: "Video description 'video_720p' is used in a MediaPackage output group but has no par_control; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's pixel aspect ratio, so set par_control to SPECIFIED with par_numerator and par_denominator (1 and 1 for square pixels)." },
        { ruleId: id, line: 50, column: 9, message: "par_control is SPECIFIED in video description 'video_540p' but par_denominator is missing; the MediaPackage output group needs both par_numerator and par_denominator (1 and 1 for square pixels)." },
      ],
    ],
    [
      'pangea/packaging/mediapackage-group-video/fail.rb',
      [
        { ruleId: id, line: 17, column: 9, message: "Video description 'video_1080p' is used in a MediaPackage output group but has no height; the MediaPackage output group doesn't support taking the width and height from the source, so set width and height explicitly." },
        { ruleId: id, line: 23, column: 34, message: "framerate_control INITIALIZE_FROM_SOURCE in video description 'video_1080p' takes the frame rate from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with framerate_numerator and framerate_denominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)." },
        { ruleId: id, line: 24, column: 28, message: "par_control INITIALIZE_FROM_SOURCE in video description 'video_1080p' takes the pixel aspect ratio from the source, which the MediaPackage output group doesn't support; set it to SPECIFIED with par_numerator and par_denominator (1 and 1 for square pixels)." },
        { ruleId: id, line: 35, column: 13, message: "Video description 'video_720p' is used in a MediaPackage output group but has no framerate_control; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's frame rate, so set framerate_control to SPECIFIED with framerate_numerator and framerate_denominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)." },
        { ruleId: id, line: 35, column: 13, message: "Video description 'video_720p' is used in a MediaPackage output group but has no par_control; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's pixel aspect ratio, so set par_control to SPECIFIED with par_numerator and par_denominator (1 and 1 for square pixels)." },
        { ruleId: id, line: 43, column: 13, message: "par_control is SPECIFIED in video description 'video_540p' but par_denominator is missing; the MediaPackage output group needs both par_numerator and par_denominator (1 and 1 for square pixels)." },
      ],
    ],
  ] as const)('reports sizes, aspect ratios and frame rates a MediaPackage output group cannot take from the source (%s)', async (fixture, expected) => {
    expect(await fixtureFindings(fixture, id)).toEqual(expected);
  });

  it.each(['cloudformation/packaging/mediapackage-group-video/pass.yaml', 'terraform/packaging/mediapackage-group-video/pass.tf', 'pangea/packaging/mediapackage-group-video/pass.rb'])(
    'accepts explicit H.264 and H.265 renditions, and source-following video outside the MediaPackage group (%s)',
    async (fixture) => {
      expect(await fixtureFindings(fixture, id)).toEqual([]);
    },
  );
});
describe('packaging rules and unknown values', () => {
  it('never report windows, delays, DRM settings, URLs or MediaPackage group video settings the tool cannot resolve', async () => {
    const findings = await fixtureFindings('cloudformation/unknown/packaging.yaml');
    expect(findings.filter((finding) => finding.ruleId.startsWith('packaging/'))).toEqual([]);
  });
});
