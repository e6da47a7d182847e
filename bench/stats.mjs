// Preloaded into a measured child process (`node --import ./bench/stats.mjs …`): on exit, writes
// the process's peak resident set size, CPU time and uptime to the file named by
// MEDIA_LINT_BENCH_STATS, so the benchmark measures the real process, start-up included.
import { writeFileSync } from 'node:fs';

const target = process.env.MEDIA_LINT_BENCH_STATS;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        maxRssKb: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        uptimeMs: process.uptime() * 1000,
      }),
    );
  });
}
