import { describe, expect, it } from 'vitest';
import {
  h264FrameSize,
  h264Level,
  h264Levels,
  h264MaxDpbFrames,
  h264VclFactor,
  hevcLevel,
  hevcLevels,
  minimumH264Level,
  minimumHevcLevel,
} from '../../src/rules/support/codec-levels.js';

describe('H.264 level table (ITU-T H.264 Table A-1)', () => {
  it('holds the standard values, not the Chromium typo for level 1.3', () => {
    expect(h264Level('1.3')?.maxMacroblocksPerSecond).toBe(11880);
    expect(h264Level('4.1')).toEqual({ name: '4.1', maxMacroblocksPerSecond: 245760, maxFrameMacroblocks: 8192, maxDpbMacroblocks: 32768, maxBitrate: 50000, maxCpb: 62500 });
    expect(h264Level('5.2')?.maxMacroblocksPerSecond).toBe(2073600);
    expect(h264Levels.map((level) => level.name)).not.toContain('1b');
  });

  it('never lowers a limit from one level to the next', () => {
    for (let index = 1; index < h264Levels.length; index++) {
      const [previous, next] = [h264Levels[index - 1]!, h264Levels[index]!];
      expect(next.maxMacroblocksPerSecond, next.name).toBeGreaterThanOrEqual(previous.maxMacroblocksPerSecond);
      expect(next.maxFrameMacroblocks, next.name).toBeGreaterThanOrEqual(previous.maxFrameMacroblocks);
      expect(next.maxBitrate, next.name).toBeGreaterThanOrEqual(previous.maxBitrate);
    }
  });

  it('scales MaxBR by the profile factor of Table A-2', () => {
    expect(h264Level('4.1')!.maxBitrate * h264VclFactor.high).toBe(62_500_000);
    expect(h264Level('5.1')!.maxBitrate * h264VclFactor.high).toBe(300_000_000);
    expect(h264Level('4')!.maxBitrate * h264VclFactor.main).toBe(20_000_000);
  });

  it.each([
    [416, 234, 30, '1.3'],
    [960, 540, 30, '3.1'],
    [1280, 720, 30, '3.1'],
    [1280, 720, 60, '3.2'],
    [1920, 1080, 30, '4'],
    [1920, 1080, 60, '4.2'],
    [3840, 2160, 30, '5.1'],
    [3840, 2160, 60, '5.2'],
  ])('gives %i×%i at %i fps level %s (the brief’s worked results)', (width, height, framesPerSecond, level) => {
    expect(minimumH264Level({ width, height, framesPerSecond, vclFactor: h264VclFactor.high })?.name).toBe(level);
  });

  it('raises the level for bit rate, buffer and reference frames, and gives none above 5.2', () => {
    expect(minimumH264Level({ width: 1920, height: 1080, framesPerSecond: 30, bitrate: 30_000_000, vclFactor: h264VclFactor.high })?.name).toBe('4.1');
    expect(minimumH264Level({ width: 1920, height: 1080, framesPerSecond: 30, bitrate: 22_000_000, vclFactor: h264VclFactor.main })?.name).toBe('4.1');
    expect(minimumH264Level({ width: 1280, height: 720, framesPerSecond: 30, bufferBits: 16_000_000, vclFactor: h264VclFactor.main })?.name).toBe('3.2');
    expect(minimumH264Level({ width: 1920, height: 1080, framesPerSecond: 30, referenceFrames: 6, vclFactor: h264VclFactor.high })?.name).toBe('5');
    expect(minimumH264Level({ width: 3840, height: 2160, framesPerSecond: 120, vclFactor: h264VclFactor.high })).toBeUndefined();
    expect(minimumH264Level({ width: 7680, height: 4320, vclFactor: h264VclFactor.high })).toBeUndefined();
  });

  it('counts frames in macroblocks and limits the picture buffer to 16 frames', () => {
    expect(h264FrameSize(1920, 1080)).toEqual({ widthMacroblocks: 120, heightMacroblocks: 68, frameMacroblocks: 8160 });
    expect(h264MaxDpbFrames(h264Level('4.1')!, h264FrameSize(1920, 1080))).toBe(4);
    expect(h264MaxDpbFrames(h264Level('3.1')!, h264FrameSize(1280, 720))).toBe(5);
    expect(h264MaxDpbFrames(h264Level('5.1')!, h264FrameSize(640, 360))).toBe(16);
  });

  it('applies the side limit √(8 · MaxFS): a 4096×64 strip needs level 4 for its width, not its area', () => {
    expect(minimumH264Level({ width: 4096, height: 64, vclFactor: h264VclFactor.high })?.name).toBe('4');
  });
});

describe('HEVC level table (ITU-T H.265 Annex A)', () => {
  it('has no High tier below level 4', () => {
    for (const level of hevcLevels) expect(level.maxBitrateHigh === undefined, level.name).toBe(Number(level.name) < 4);
    expect(hevcLevel('4.1')).toMatchObject({ maxLumaPictureSize: 2228224, maxLumaSampleRate: 133693440, maxBitrateMain: 20000, maxBitrateHigh: 50000 });
  });

  it.each([
    [1280, 720, 60, '4'],
    [1920, 1080, 30, '4'],
    [1920, 1080, 60, '4.1'],
    [3840, 2160, 30, '5'],
    [3840, 2160, 60, '5.1'],
  ])('gives %i×%i at %i fps level %s in the Main tier (the brief’s worked results)', (width, height, framesPerSecond, level) => {
    expect(minimumHevcLevel({ width, height, framesPerSecond, tier: 'main', vclFactor: 1000 })?.name).toBe(level);
  });

  it('raises the level for bit rate in its tier, and starts the High tier at level 4', () => {
    expect(minimumHevcLevel({ width: 1920, height: 1080, framesPerSecond: 30, bitrate: 25_000_000, tier: 'main', vclFactor: 1000 })?.name).toBe('5');
    expect(minimumHevcLevel({ width: 1920, height: 1080, framesPerSecond: 30, bitrate: 25_000_000, tier: 'high', vclFactor: 1000 })?.name).toBe('4');
    expect(minimumHevcLevel({ width: 640, height: 360, framesPerSecond: 30, tier: 'high', vclFactor: 1000 })?.name).toBe('4');
  });
});
