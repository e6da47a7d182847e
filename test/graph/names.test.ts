import { describe, expect, it } from 'vitest';
import { toCanonicalName, toPascalCase } from '../../src/graph/names.js';

describe('toCanonicalName', () => {
  it.each([
    ['GopSizeUnits', 'gop_size_units'],
    ['gopSizeUnits', 'gop_size_units'],
    ['gop_size_units', 'gop_size_units'],
    ['H264Settings', 'h264_settings'],
    ['h264Settings', 'h264_settings'],
    ['Fmp4HlsSettings', 'fmp4_hls_settings'],
    ['IFrameOnlyPlaylists', 'i_frame_only_playlists'],
    ['Eac3AtmosSettings', 'eac3_atmos_settings'],
    ['EbuTtDDestinationSettings', 'ebu_tt_d_destination_settings'],
    ['Scte35SpliceInsert', 'scte35_splice_insert'],
    ['Rec601Settings', 'rec601_settings'],
    ['MsSmoothGroupSettings', 'ms_smooth_group_settings'],
    ['Id', 'id'],
    ['KmsKeyId', 'kms_key_id'],
    ['DataRetentionInHours', 'data_retention_in_hours'],
  ])('%s → %s', (input, expected) => {
    expect(toCanonicalName(input)).toBe(expected);
  });

  it('renders canonical names back in PascalCase', () => {
    expect(toPascalCase('gop_size_units')).toBe('GopSizeUnits');
    expect(toPascalCase('h264_settings')).toBe('H264Settings');
  });
});
