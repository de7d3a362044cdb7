import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { issueCode } from '../../src/schemas/issues.js';

/** What an amount schema makes of `typed`: the kopecks, or its one issue's code (a rule raises one issue at a time). */
export function kopecksOrIssue(schema: v.GenericSchema<string, number>, typed: string): { kopecks: number } | { issue: string } {
  const result = v.safeParse(schema, typed);
  if (result.success) return { kopecks: result.output };
  expect(result.issues, typed).to.have.length(1);
  return { issue: issueCode(result) };
}
