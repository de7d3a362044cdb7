import type { Finding } from './check.js';
import type { FixtureName } from './fixtures.js';

export type Outcome = 'passed' | 'failed' | 'not-run';

export interface CheckResult {
  id: string;
  family: string;
  title: string;
  outcome: Outcome;
  /** Why it did not run: the fixtures it needs, or what the backend lacked. */
  notRunReason?: string;
  missingFixtures?: FixtureName[];
  findings: Finding[];
  /** Requests it sent. */
  requests: number;
  durationMs: number;
}

export interface FamilyResult {
  id: string;
  title: string;
  /** Failed when a check failed; passed when at least one passed and none failed; else not run. */
  outcome: Outcome;
  checks: CheckResult[];
}

/** What {@link runConformance} returns, and `--json` writes. */
export interface ConformanceReport {
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  /** Where the shapes came from, or why they were not checked. */
  openapi: string;
  families: FamilyResult[];
  summary: Record<Outcome, number>;
}

export function familyOutcome(checks: readonly CheckResult[]): Outcome {
  if (checks.some((check) => check.outcome === 'failed')) return 'failed';
  return checks.some((check) => check.outcome === 'passed') ? 'passed' : 'not-run';
}

const LABEL: Record<Outcome, string> = { passed: 'passed', failed: 'FAILED', 'not-run': 'not run' };

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');

function formatFinding(finding: Finding): string {
  const lines = [`✗ ${finding.message}`];
  if (finding.exchange) {
    lines.push(`  endpoint: ${finding.exchange.endpoint}`);
    const sent = Object.entries(finding.exchange.sent.headers).map(([name, value]) => `${name}: ${value}`).join('; ');
    lines.push(`  sent:     ${sent}${finding.exchange.sent.body === undefined ? '' : `\n            body ${finding.exchange.sent.body}`}`);
  }
  if (finding.expected !== undefined) lines.push(`  expected: ${finding.expected}`);
  if (finding.got !== undefined) lines.push(`  got:      ${finding.got}`);
  const got = finding.exchange?.got;
  if (got) {
    const headers = Object.entries(got.headers).map(([name, value]) => `${name}: ${value}`).join('; ');
    lines.push(`  answer:   ${got.status}${headers ? ` (${headers})` : ''}`, `            ${got.body || '(empty body)'}`);
  } else if (finding.exchange?.error) lines.push(`  answer:   none: ${finding.exchange.error}`);
  return lines.join('\n');
}

/** The report as text, for a person: per family its outcome, per failed check each finding with the exchange behind it. */
export function formatReport(report: ConformanceReport): string {
  const out = [`lk-widgets conformance: ${report.baseUrl}`, `OpenAPI: ${report.openapi}`, ''];
  for (const family of report.families) {
    out.push(`${LABEL[family.outcome].padEnd(8)} ${family.id}: ${family.title}`);
    for (const check of family.checks) {
      const why = check.outcome === 'not-run' ? ` (${check.notRunReason})` : '';
      out.push(`  ${LABEL[check.outcome].padEnd(8)} ${check.id}: ${check.title}${why}`);
      for (const finding of check.findings) out.push(indent(formatFinding(finding), '      '));
    }
    out.push('');
  }
  const { passed, failed } = report.summary;
  out.push(`${passed} passed, ${failed} failed, ${report.summary['not-run']} not run (${(report.durationMs / 1000).toFixed(1)} s)`);
  return out.join('\n');
}
