/**
 * Every rule for what a person types (an e-mail address, a password, an
 * account number, a meter reading, an amount) is a valibot schema, checked
 * with `v.safeParse`, and each issue it raises has for its `message` the
 * rule's stable issue code (`email_spaces`, `amount_fraction`, …), which the
 * localiser turns into words. So every check gives one shape of result, and
 * this module reads the code off it.
 */

/** One issue of a valibot result, as far as the code goes. */
interface CodedIssue {
  readonly message: string;
}

/**
 * The code of the first issue of a `v.safeParse` result, or `undefined` when
 * it passed. `TCode` names the codes the schema's rule raises
 * (`EmailIssueCode`, …); a value of the wrong type (not a string) gets
 * valibot's own message, which no caller of the typed rules passes.
 */
export function issueCode<TCode extends string = string>(result: {
  readonly issues: readonly [CodedIssue, ...CodedIssue[]];
}): TCode;
export function issueCode<TCode extends string = string>(result: {
  readonly issues?: readonly CodedIssue[] | undefined;
}): TCode | undefined;
export function issueCode(result: { readonly issues?: readonly CodedIssue[] | undefined }): string | undefined {
  return result.issues?.[0]?.message;
}
