/**
 * Numeric ranges the generated specs cannot carry: the AWS SDK declarations and the CloudFormation
 * schemas do not include them. Every entry comes from the domain brief (shared/domain/BRIEF.md),
 * which read them from the service API models (botocore `service-2.json`, where MediaLive encodes
 * ranges in shape names such as `__integerMin100000Max40000000`) and the user guides. `source`
 * names the brief's tag; the rule docs cite them.
 *
 * `shape` is the structure's name in the generated spec of `type` (`(resource)` for top-level
 * properties); `member` is canonical. A test checks that every entry names a real member.
 */
export interface NumericRange {
  type: string;
  shape: string;
  member: string;
  min?: number;
  max?: number;
  source: string;
}

const mediaLiveChannel = 'AWS::MediaLive::Channel';
const mlApi = 'MediaLive API model [ML-API]';

export const numericRanges: readonly NumericRange[] = [
  // MediaLive H.264 (BRIEF §3.3, §9)
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'bitrate', min: 1000, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'max_bitrate', min: 1000, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'buf_size', min: 0, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'buf_fill_pct', min: 0, max: 100, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'gop_num_b_frames', min: 0, max: 7, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'num_ref_frames', min: 1, max: 6, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'slices', min: 1, max: 32, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'softness', min: 0, max: 128, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'min_i_interval', min: 0, max: 30, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'qvbr_quality_level', min: 1, max: 10, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'min_qp', min: 1, max: 51, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'framerate_numerator', min: 1, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'framerate_denominator', min: 1, source: mlApi },
  { type: mediaLiveChannel, shape: 'H264Settings', member: 'gop_closed_cadence', min: 0, source: mlApi },
  // MediaLive H.265
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'bitrate', min: 100000, max: 40000000, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'max_bitrate', min: 100000, max: 40000000, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'min_bitrate', min: 0, max: 40000000, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'buf_size', min: 100000, max: 80000000, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'gop_num_b_frames', min: 0, max: 3, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'slices', min: 1, max: 16, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'min_i_interval', min: 0, max: 30, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'qvbr_quality_level', min: 1, max: 10, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'framerate_numerator', min: 1, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'framerate_denominator', min: 1, max: 3003, source: mlApi },
  { type: mediaLiveChannel, shape: 'H265Settings', member: 'gop_closed_cadence', min: 0, source: mlApi },
  // MediaLive HLS output group (BRIEF §3.5)
  { type: mediaLiveChannel, shape: 'HlsGroupSettings', member: 'segment_length', min: 1, source: mlApi },
  { type: mediaLiveChannel, shape: 'HlsGroupSettings', member: 'min_segment_length', min: 0, source: mlApi },
  { type: mediaLiveChannel, shape: 'HlsGroupSettings', member: 'index_n_segments', min: 3, source: mlApi },
  { type: mediaLiveChannel, shape: 'HlsGroupSettings', member: 'keep_segments', min: 1, source: mlApi },
  { type: mediaLiveChannel, shape: 'HlsGroupSettings', member: 'program_date_time_period', min: 0, max: 3600, source: mlApi },
  // MediaLive automatic input failover (BRIEF §3.2)
  { type: mediaLiveChannel, shape: 'AutomaticInputFailoverSettings', member: 'error_clear_time_msec', min: 1, source: mlApi },
  { type: mediaLiveChannel, shape: 'InputLossFailoverSettings', member: 'input_loss_threshold_msec', min: 100, source: mlApi },
  { type: mediaLiveChannel, shape: 'VideoBlackFailoverSettings', member: 'video_black_threshold_msec', min: 1000, source: mlApi },
  { type: mediaLiveChannel, shape: 'VideoBlackFailoverSettings', member: 'black_detect_threshold', min: 0, max: 1, source: mlApi },
  { type: mediaLiveChannel, shape: 'AudioSilenceFailoverSettings', member: 'audio_silence_threshold_msec', min: 1000, source: mlApi },
  // MediaLive multiplex (BRIEF §3.7)
  { type: 'AWS::MediaLive::Multiplex', shape: 'MultiplexSettings', member: 'transport_stream_bitrate', min: 1000000, max: 100000000, source: mlApi },
  { type: 'AWS::MediaLive::Multiplex', shape: 'MultiplexSettings', member: 'transport_stream_id', min: 0, max: 65535, source: mlApi },
  { type: 'AWS::MediaLive::Multiplex', shape: 'MultiplexSettings', member: 'transport_stream_reserved_bitrate', min: 0, max: 100000000, source: mlApi },
  { type: 'AWS::MediaLive::Multiplex', shape: 'MultiplexSettings', member: 'maximum_video_buffer_delay_milliseconds', min: 800, max: 3000, source: mlApi },
  { type: 'AWS::MediaLive::Multiplexprogram', shape: 'MultiplexProgramSettings', member: 'program_number', min: 0, max: 65535, source: mlApi },
  { type: 'AWS::MediaLive::Multiplexprogram', shape: 'MultiplexVideoSettings', member: 'constant_bitrate', min: 100000, max: 100000000, source: mlApi },
  { type: 'AWS::MediaLive::Multiplexprogram', shape: 'MultiplexStatmuxVideoSettings', member: 'minimum_bitrate', min: 100000, max: 100000000, source: mlApi },
  { type: 'AWS::MediaLive::Multiplexprogram', shape: 'MultiplexStatmuxVideoSettings', member: 'maximum_bitrate', min: 100000, max: 100000000, source: mlApi },
  { type: 'AWS::MediaLive::Multiplexprogram', shape: 'MultiplexStatmuxVideoSettings', member: 'priority', min: -5, max: 5, source: mlApi },
  // MediaPackage v2 (BRIEF §4.1, §4.3)
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'Segment', member: 'segment_duration_seconds', min: 1, max: 30, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: '(resource)', member: 'startover_window_seconds', min: 0, max: 1209600, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'HlsManifestConfiguration', member: 'manifest_window_seconds', min: 30, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'HlsManifestConfiguration', member: 'program_date_time_interval_seconds', min: 1, max: 1209600, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'LowLatencyHlsManifestConfiguration', member: 'manifest_window_seconds', min: 30, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'LowLatencyHlsManifestConfiguration', member: 'program_date_time_interval_seconds', min: 1, max: 1209600, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'DashManifestConfiguration', member: 'manifest_window_seconds', min: 30, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'DashManifestConfiguration', member: 'min_update_period_seconds', min: 1, max: 3600, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'DashManifestConfiguration', member: 'min_buffer_time_seconds', min: 0, max: 3600, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'DashManifestConfiguration', member: 'suggested_presentation_delay_seconds', min: 0, max: 3600, source: 'MediaPackage v2 API model [MP-API-v2]' },
  { type: 'AWS::MediaPackageV2::OriginEndpoint', shape: 'Encryption', member: 'key_rotation_interval_seconds', min: 300, max: 31536000, source: 'MediaPackage v2 API model [MP-API-v2]' },
  // MediaPackage v1 (BRIEF §4.1: startover up to 14 days)
  { type: 'AWS::MediaPackage::OriginEndpoint', shape: '(resource)', member: 'startover_window_seconds', min: 0, max: 1209600, source: 'MediaPackage user guide, time-shifted viewing [MP-UG:time-shifted]' },
  // MediaConvert (BRIEF §5.2, §5.4, §5.5)
  { type: 'AWS::MediaConvert::JobTemplate', shape: '(resource)', member: 'priority', min: -50, max: 50, source: 'MediaConvert API model [MC-API]' },
  { type: 'AWS::MediaConvert::Job', shape: '(resource)', member: 'priority', min: -50, max: 50, source: 'MediaConvert API model [MC-API]' },
  ...mediaConvertSettingsRanges(),
  // Kinesis Video Streams (BRIEF §6)
  { type: 'AWS::KinesisVideo::Stream', shape: '(resource)', member: 'data_retention_in_hours', min: 0, max: 87600, source: 'Kinesis Video Streams API model [KVS-API]' },
  { type: 'AWS::KinesisVideo::SignalingChannel', shape: '(resource)', member: 'message_ttl_seconds', min: 5, max: 120, source: 'Kinesis Video Streams API model [KVS-API]' },
];

/** MediaConvert codec ranges apply wherever the settings structures appear: jobs, job templates
 * (inside `SettingsJson`) and presets. */
function mediaConvertSettingsRanges(): NumericRange[] {
  const source = 'MediaConvert API model [MC-API]';
  const perShape: Array<Omit<NumericRange, 'type'>> = [
    { shape: 'H264Settings', member: 'bitrate', min: 1000, max: 1152000000, source },
    { shape: 'H264Settings', member: 'max_bitrate', min: 1000, max: 1152000000, source },
    { shape: 'H264Settings', member: 'hrd_buffer_size', min: 0, max: 1152000000, source },
    { shape: 'H264Settings', member: 'number_b_frames_between_reference_frames', min: 0, max: 7, source },
    { shape: 'H264Settings', member: 'number_reference_frames', min: 1, max: 6, source },
    { shape: 'H264Settings', member: 'min_i_interval', min: 0, max: 30, source },
    { shape: 'H264Settings', member: 'slices', min: 1, max: 32, source },
    { shape: 'H264Settings', member: 'hrd_buffer_initial_fill_percentage', min: 0, max: 100, source },
    { shape: 'H264Settings', member: 'framerate_numerator', min: 1, max: 2147483647, source },
    { shape: 'H264Settings', member: 'framerate_denominator', min: 1, max: 2147483647, source },
    { shape: 'H265Settings', member: 'bitrate', min: 1000, max: 1466400000, source },
    { shape: 'H265Settings', member: 'max_bitrate', min: 1000, max: 1466400000, source },
    { shape: 'H265Settings', member: 'framerate_numerator', min: 1, max: 2147483647, source },
    { shape: 'H265Settings', member: 'framerate_denominator', min: 1, max: 2147483647, source },
    { shape: 'Vp9Settings', member: 'bitrate', min: 1000, max: 480000000, source },
    { shape: 'Vp8Settings', member: 'bitrate', min: 1000, max: 1152000000, source },
    { shape: 'Mpeg2Settings', member: 'bitrate', min: 1000, max: 288000000, source },
    { shape: 'Mpeg2Settings', member: 'max_bitrate', min: 1000, max: 300000000, source },
    { shape: 'H264QvbrSettings', member: 'qvbr_quality_level', min: 1, max: 10, source },
    { shape: 'H265QvbrSettings', member: 'qvbr_quality_level', min: 1, max: 10, source },
    { shape: 'AacSettings', member: 'bitrate', min: 6000, max: 1024000, source },
    { shape: 'AacSettings', member: 'sample_rate', min: 8000, max: 96000, source },
  ];
  const types = ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Preset', 'AWS::MediaConvert::Job'];
  return types.flatMap((type) => perShape.map((entry) => ({ type, ...entry })));
}

const index = new Map<string, NumericRange>();
for (const range of numericRanges) index.set(`${range.type}|${range.shape}|${range.member}`, range);

export function lookupRange(type: string, shape: string, member: string): NumericRange | undefined {
  return index.get(`${type}|${shape}|${member}`);
}
