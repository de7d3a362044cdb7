import type { CheckContext, CheckFamily } from '../check.js';
import { member } from '../check.js';
import { accountPath, connectedAccount, idempotencyKey, listAccounts, logInUser, logInWithAccount } from '../flows.js';
import type { Exchange } from '../http.js';

/** The first place where `items` break the order `inOrder(earlier, later)`, as a finding. */
function checkOrder(
  context: CheckContext,
  items: Array<Record<string, unknown>>,
  field: string,
  inOrder: (earlier: string, later: string) => boolean,
  what: string,
  exchange: Exchange,
): void {
  for (let index = 1; index < items.length; index++) {
    const [a, b] = [String(items[index - 1]![field]), String(items[index]![field])];
    const undated = [index - 1, index].find((at) => Number.isNaN(Date.parse(String(items[at]![field]))));
    if (undated !== undefined) {
      context.fail(`${what}: item ${undated} has no ${field} to order by`, { expected: `${field}: a date`, got: JSON.stringify(items[undated]![field] ?? null), exchange });
      return;
    }
    if (!inOrder(a, b)) {
      context.fail(`${what}: item ${index - 1} and item ${index} are out of order`, {
        expected: `${what} by ${field}`,
        got: `${field} ${a} before ${b}`,
        exchange,
      });
      return;
    }
  }
}

const time = (value: string) => Date.parse(value);
const newestFirst = (earlier: string, later: string) => time(earlier) >= time(later);
const oldestFirst = (earlier: string, later: string) => time(earlier) <= time(later);

export const lists: CheckFamily = {
  id: 'lists',
  title: 'Lists come in their documented order',
  checks: [
    {
      id: 'lists.payments-newest-first',
      title: 'The payments list is newest first: of two payments made one after the other, the later is listed first',
      needs: ['user', 'account', 'paymentAmount'],
      sideEffects: 'two payments of paymentAmount on the fixture account',
      async run(context) {
        const { agent, account } = await logInWithAccount(context);
        const path = accountPath(account, 'payments');
        const ids: unknown[] = [];
        for (let count = 0; count < 2; count++) {
          const paid = await agent.send(path, { json: { amount: context.need('paymentAmount') }, headers: { 'Idempotency-Key': idempotencyKey() } });
          context.expectStatus(paid, 201, 'A payment was not made', { stop: true });
          ids.push(member(paid, 'payment', 'id'));
        }
        const answer = await agent.send(path);
        context.expectStatus(answer, 200, 'The payments could not be listed', { stop: true });
        const list = member(answer, 'payments');
        if (!Array.isArray(list)) context.stop('The payments list has no "payments" array', { exchange: answer });
        const payments = list as Array<Record<string, unknown>>;
        const [first, second] = ids.map((id) => payments.findIndex((payment) => payment.id === id));
        if (first === -1 || second === -1) context.stop('A payment just made is not in the list', { expected: `ids ${JSON.stringify(ids)}`, exchange: answer });
        if (second! > first!) {
          context.fail('The payments list is not newest first: the later payment is listed after the earlier', {
            expected: `${JSON.stringify(ids[1])} before ${JSON.stringify(ids[0])}`,
            got: `positions ${second} and ${first}`,
            exchange: answer,
          });
        }
        checkOrder(context, payments, 'createdAt', newestFirst, 'The payments list is not newest first', answer);
      },
    },
    {
      id: 'lists.readings-newest-first',
      title: "The account's readings are listed newest first",
      needs: ['user', 'account'],
      sideEffects: 'connects the fixture account if it is not',
      async run(context) {
        const { agent, account } = await logInWithAccount(context);
        const answer = await agent.send(accountPath(account, 'readings'));
        context.expectStatus(answer, 200, 'The readings could not be listed', { stop: true });
        const list = member(answer, 'readings');
        if (!Array.isArray(list)) return context.stop('The readings list has no "readings" array', { exchange: answer });
        if (list.length < 2) context.skip('the fixture account has fewer than two readings to put in order');
        checkOrder(context, list as Array<Record<string, unknown>>, 'date', newestFirst, 'The readings list is not newest first', answer);
      },
    },
    {
      id: 'lists.accounts-oldest-first',
      title: 'The connected accounts are listed oldest first (by connectedAt)',
      needs: ['user', 'account', 'secondAccount'],
      sideEffects: 'connects both fixture accounts if they are not',
      async run(context) {
        const agent = await logInUser(context);
        await connectedAccount(context, agent, context.need('account'));
        await connectedAccount(context, agent, context.need('secondAccount'));
        const { exchange, accounts } = await listAccounts(context, agent);
        checkOrder(context, accounts, 'connectedAt', oldestFirst, 'The accounts list is not oldest first', exchange);
      },
    },
  ],
};
