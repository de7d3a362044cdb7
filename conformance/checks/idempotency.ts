import type { CheckContext, CheckFamily } from '../check.js';
import { codeOf, gotOf, member } from '../check.js';
import { accountPath, idempotencyKey, logInWithAccount } from '../flows.js';
import type { Agent } from '../http.js';
import { redactBody } from '../redact.js';

/** JSON with every object's members sorted: two answers equal as data compare equal as text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_name, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );

/** The account's payments list, or a stop. */
async function payments(context: CheckContext, agent: Agent, account: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const answer = await agent.send(accountPath(account, 'payments'));
  context.expectStatus(answer, 200, 'The payments could not be listed', { stop: true });
  const list = member(answer, 'payments');
  if (!Array.isArray(list)) context.stop('The payments list has no "payments" array', { exchange: answer });
  return list as Array<Record<string, unknown>>;
}

export const idempotency: CheckFamily = {
  id: 'idempotency',
  title: 'A payment is made once per Idempotency-Key',
  checks: [
    {
      id: 'idempotency.replay',
      title: 'The same key and body again replay the first answer (Idempotent-Replayed: true) and pay once; the same key with another body is refused with 422',
      needs: ['user', 'account', 'paymentAmount'],
      sideEffects: 'one payment of paymentAmount on the fixture account (connected first if it is not)',
      async run(context) {
        const { agent, account } = await logInWithAccount(context);
        const before = await payments(context, agent, account);
        const key = idempotencyKey();
        const amount = context.need('paymentAmount');
        const path = accountPath(account, 'payments');
        const first = await agent.send(path, { json: { amount }, headers: { 'Idempotency-Key': key } });
        context.expectStatus(first, 201, 'The payment was not made', { stop: true });
        const paymentId = member(first, 'payment', 'id');

        const again = await agent.send(path, { json: { amount }, headers: { 'Idempotency-Key': key } });
        context.expectStatus(again, 201, 'The same payment again (same key, same body) did not get the first answer');
        if (again.status === first.status && canonical(again.json) !== canonical(first.json)) {
          context.fail('The replayed answer differs from the first one', { expected: `the first answer: ${redactBody(first.text, 200)}`, got: redactBody(again.text, 200), exchange: again });
        }
        if (again.headers?.get('idempotent-replayed') !== 'true') {
          context.fail('The replay does not say it is one', { expected: 'Idempotent-Replayed: true', got: `Idempotent-Replayed: ${again.headers?.get('idempotent-replayed') ?? '(none)'}`, exchange: again });
        }

        // Another amount within the limits (1 ₽ to 500 000 ₽), so that only the key can be the reason to refuse it.
        const otherAmount = amount < 50_000_000 ? amount + 1 : amount - 1;
        const other = await agent.send(path, { json: { amount: otherAmount }, headers: { 'Idempotency-Key': key } });
        if (other.status !== 422 || codeOf(other) !== 'idempotency_key_reused') {
          context.fail('The same key with another body was not refused as a reused key', {
            expected: 'status 422, code "idempotency_key_reused"',
            got: other.status !== undefined && other.status < 300 ? `${gotOf(other)}: another payment was made` : gotOf(other),
            exchange: other,
          });
        }

        const after = await payments(context, agent, account);
        const made = after.filter((payment) => !before.some((earlier) => earlier.id === payment.id));
        if (made.length !== 1 || made[0]?.id !== paymentId) {
          context.fail('The payments list does not hold exactly the one payment made', {
            expected: `one new payment, id ${JSON.stringify(paymentId)}`,
            got: `${made.length} new: ${made.map((payment) => JSON.stringify(payment.id)).join(', ') || 'none'}`,
          });
        }
      },
    },
    {
      id: 'idempotency.key-required',
      title: 'A payment without an Idempotency-Key is refused with 400 "idempotency_key_required" and pays nothing',
      needs: ['user', 'account', 'paymentAmount'],
      sideEffects: 'none when the backend conforms (a payment if it does not refuse)',
      async run(context) {
        const { agent, account } = await logInWithAccount(context);
        const before = await payments(context, agent, account);
        const answer = await agent.send(accountPath(account, 'payments'), { json: { amount: context.need('paymentAmount') } });
        if (answer.status !== 400 || codeOf(answer) !== 'idempotency_key_required') {
          context.fail('A payment without an Idempotency-Key was not refused', { expected: 'status 400, code "idempotency_key_required"', got: gotOf(answer), exchange: answer });
        }
        const after = await payments(context, agent, account);
        if (after.length !== before.length) {
          context.fail('A payment without an Idempotency-Key was made', { expected: `${before.length} payments`, got: `${after.length}` });
        }
      },
    },
  ],
};
