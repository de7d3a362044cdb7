// The client's HTTP stack is a module of its own, loaded on demand (see
// createClient). What happens when it cannot be loaded is decided by
// onDemand: here with loaders that fail and succeed when the test says.
import { expect } from '@open-wc/testing';
import { onDemand } from '../../src/api/on-demand.js';

describe('onDemand, the loader of the client\'s HTTP stack', () => {
  it('loads once for every caller', async () => {
    let loads = 0;
    const load = onDemand(async () => ++loads);
    const answers = await Promise.all([load(), load(), load()]);
    expect(answers).to.deep.equal([1, 1, 1]);
    expect(await load()).to.equal(1);
    expect(loads).to.equal(1);
  });

  it('forgets a failed load, so the next call loads again', async () => {
    let loads = 0;
    const load = onDemand(async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'transport';
    });
    const failures = await Promise.allSettled([load(), load()]);
    expect(failures.map((result) => result.status)).to.deep.equal(['rejected', 'rejected']);
    expect(loads).to.equal(1);
    expect(await load()).to.equal('transport');
    expect(loads).to.equal(2);
  });
});
