import type { Finding } from '../engine/finding.js';
import { annotationLimits, byImportance } from '../reporters/github.js';

export interface AnnotationSelection {
  /** The findings to annotate, most important first. */
  shown: Finding[];
  /** Findings GitHub would not show as annotations. */
  hidden: number;
}

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, and 50 per job;
 * the rest are dropped silently. So the Action annotates errors first, then warnings, then notices
 * (each in file and line order), at most 10 of each, and tells in the job summary how many were
 * not shown.
 */
export function selectAnnotations(findings: readonly Finding[]): AnnotationSelection {
  const perKind = new Map<string, number>();
  const shown: Finding[] = [];
  for (const finding of byImportance(findings)) {
    const count = perKind.get(finding.severity) ?? 0;
    if (count >= annotationLimits.perKindPerStep || shown.length >= annotationLimits.perJob) continue;
    perKind.set(finding.severity, count + 1);
    shown.push(finding);
  }
  return { shown, hidden: findings.length - shown.length };
}
