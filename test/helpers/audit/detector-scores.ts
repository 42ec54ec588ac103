import { detectors, type Detector } from '../../../src/audit/audit-options.js';
import type { AuditReport } from '../../../src/audit/audit-report.js';
import { plantKinds, type PlantKind, type Truth } from './planted-corpus.js';

export interface DetectorScore {
  detector: Detector | 'any';
  /** Share of prompts planted with each kind of copy that the detector flagged. */
  recall: Record<PlantKind, number>;
  /** Share of the prompts it flagged that really had a planted copy. */
  precision: number;
  flagged: number;
  /** Clean prompts and near-miss decoys it flagged. */
  falsePositives: number;
}

/** Recall per planted kind and precision, per detector and for the audit as a whole. */
export function scoreDetectors(report: AuditReport, truth: Map<string, Truth>): DetectorScore[] {
  return [...detectors, 'any' as const].map((detector) => {
    const flagged = report.cases.filter((c) =>
      detector === 'any' ? c.status === 'contaminated' : c.evidence.some((e) => e.detector === detector),
    );
    const flaggedIds = new Set(flagged.map((c) => c.caseId));
    const planted = (t: Truth | undefined): boolean => t !== undefined && t !== 'clean' && t !== 'decoy';
    const truePos = flagged.filter((c) => planted(truth.get(c.caseId))).length;
    const recall = Object.fromEntries(
      plantKinds.map((kind) => {
        const ids = [...truth].filter(([, t]) => t === kind).map(([id]) => id);
        const hit = ids.filter((id) => flaggedIds.has(id)).length;
        return [kind, ids.length ? hit / ids.length : 0];
      }),
    ) as Record<PlantKind, number>;
    return {
      detector,
      recall,
      precision: flagged.length ? truePos / flagged.length : 1,
      flagged: flagged.length,
      falsePositives: flagged.length - truePos,
    };
  });
}
