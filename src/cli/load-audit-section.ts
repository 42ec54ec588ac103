import { readFileSync } from 'node:fs';
import { auditReportSchema, renderAuditHtmlSection } from '../audit/index.js';
import { InputError } from '../spec/index.js';

/** Reads an `audit.json` written by `refusal-drill audit` and renders its HTML report section. */
export function loadAuditSection(file: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read audit ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const parsed = auditReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${file}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'} (expected an audit.json from refusal-drill audit)`,
    );
  }
  return renderAuditHtmlSection(parsed.data);
}
