import type { CheckFamily } from '../check.js';
import { codeOf, gotOf } from '../check.js';
import { accountPath, listAccounts, logInWithAccount } from '../flows.js';

interface MeterView {
  id: string;
  lastReading: number | null;
}

const metersOf = (account: Record<string, unknown>): MeterView[] =>
  Array.isArray(account.meters) ? (account.meters as MeterView[]) : [];

export const readings: CheckFamily = {
  id: 'readings',
  title: 'A reading below the last one is refused with a field error',
  checks: [
    {
      id: 'readings.below-last',
      title: 'A reading lower than the meter\'s last one answers 422 with the field error "reading_below_last" at /readings/0/value, and changes nothing',
      needs: ['user', 'account'],
      sideEffects: 'connects the fixture account if it is not',
      async run(context) {
        const { agent, account } = await logInWithAccount(context);
        const meter = metersOf(account).find((candidate) => typeof candidate.lastReading === 'number' && candidate.lastReading >= 1);
        if (!meter) return context.skip('the fixture account has no meter with a last reading of 1 or more to go below');
        const answer = await agent.send(accountPath(account, 'readings'), {
          json: { readings: [{ meterId: meter.id, value: meter.lastReading! - 1 }] },
        });
        if (answer.status !== 422 || codeOf(answer) !== 'validation_failed') {
          context.fail('A reading below the last one was not refused', { expected: 'status 422, code "validation_failed"', got: gotOf(answer), exchange: answer });
        }
        const errors = (answer.json as { errors?: Array<{ pointer?: unknown; code?: unknown }> } | undefined)?.errors;
        const error = Array.isArray(errors) ? errors.find((candidate) => candidate?.pointer === '/readings/0/value') : undefined;
        if (!error || error.code !== 'reading_below_last') {
          context.fail('No field error "reading_below_last" at the reading', {
            expected: '{"pointer": "/readings/0/value", "code": "reading_below_last"}',
            got: JSON.stringify(errors ?? null).slice(0, 300),
            exchange: answer,
          });
        }
        const now = (await listAccounts(context, agent)).accounts.find((candidate) => candidate.id === account.id);
        const lastNow = now ? metersOf(now).find((candidate) => candidate.id === meter.id)?.lastReading : undefined;
        if (lastNow !== meter.lastReading) {
          context.fail("The refused reading changed the meter's last reading", { expected: String(meter.lastReading), got: String(lastNow) });
        }
      },
    },
  ],
};
