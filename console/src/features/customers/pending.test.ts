import { aCustomer } from '../../test/fixtures';
import { clearPending, expectChange, pendingCount, reconcile } from './pending';

const customer = aCustomer;

describe('pending changes', () => {
  beforeEach(() => clearPending());

  it('shows the answered figure as updating until the projection has it', async () => {
    expectChange('c-1', { balance: '70.00' }, 1_000);
    const stale = reconcile(customer(), 1_500);
    expect(stale.customer.balance).toBe('70.00');
    expect([...stale.updating]).toEqual(['balance']);

    const caughtUp = reconcile(customer({ balance: '70.00' }), 2_000);
    expect(caughtUp.customer.balance).toBe('70.00');
    expect(caughtUp.updating.size).toBe(0);
    await Promise.resolve();
    expect(pendingCount()).toBe(0);
  });

  it('leaves other customers and other fields alone', () => {
    expectChange('c-1', { credits: '20.00' }, 1_000);
    const other = reconcile(customer({ id: 'c-2', credits: '5.00' }), 1_100);
    expect(other.customer.credits).toBe('5.00');
    expect(other.updating.size).toBe(0);
    const same = reconcile(customer({ balance: '1.00' }), 1_100);
    expect(same.customer.balance).toBe('1.00');
    expect([...same.updating]).toEqual(['credits']);
  });

  it('compares tags without regard to order or case', () => {
    expectChange('c-1', { tags: ['VIP', 'eu'] }, 1_000);
    expect(reconcile(customer({ tags: ['eu', 'vip'] }), 1_100).updating.size).toBe(0);
  });

  it('gives up after a minute and shows what the projection has', () => {
    expectChange('c-1', { state: 'OFF' }, 1_000);
    const late = reconcile(customer(), 62_000);
    expect(late.customer.state).toBe('ON');
    expect(late.updating.size).toBe(0);
  });

  it('merges successive expectations for one customer', () => {
    expectChange('c-1', { balance: '70.00' }, 1_000);
    expectChange('c-1', { credits: '20.00' }, 1_100);
    const shown = reconcile(customer(), 1_200);
    expect(shown.customer).toMatchObject({ balance: '70.00', credits: '20.00' });
    expect(shown.updating).toEqual(new Set(['balance', 'credits']));
  });
});
