import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeGateway, renderPage } from '../../../test/render';
import { aCustomer } from '../../../test/fixtures';
import { ManageBalanceDialog } from './ManageBalanceDialog';

const customer = aCustomer();

const figures = (balance: string) => ({ entryId: 'e-1', currency: 'USD', balance, credits: '0.00' });

async function fill(operation: 'Refill' | 'Deduct', amount: string) {
  await userEvent.click(screen.getByRole('radio', { name: operation }));
  await userEvent.type(screen.getByRole('textbox', { name: /Amount/ }), amount);
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('Manage Balance', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('confirms with the balance before and after, then books once', async () => {
    const sent = fakeGateway(() => ({ status: 200, body: figures('130.00') }));
    renderPage(<ManageBalanceDialog customer={customer} onClose={() => undefined} />);
    await fill('Refill', '30');
    expect(screen.getByText('Balance: 100.00 USD → 130.00 USD')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    await userEvent.dblClick(confirm);
    expect(await screen.findByText('Done. The balance is now 130.00 USD.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/api/v1/customers/c-1/balance/refills');
    expect(sent[0]!.body).toEqual({ amount: '30.00' });
  });

  it('after a lost answer retries only the same request with the same key, and says when it was already made', async () => {
    let calls = 0;
    const sent = fakeGateway(() =>
      ++calls === 1 ? new TypeError('network down') : { status: 200, body: figures('70.00'), headers: { 'Idempotent-Replayed': 'true' } },
    );
    renderPage(<ManageBalanceDialog customer={customer} onClose={() => undefined} />);
    await fill('Deduct', '30');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(/may or may not have been made/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('This change had already been made; nothing was changed twice.')).toBeInTheDocument();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.headers['Idempotency-Key']).toBe(sent[0]!.headers['Idempotency-Key']);
    expect(sent[1]!.body).toEqual(sent[0]!.body);
    expect(sent[0]!.url).toBe('/api/v1/customers/c-1/balance/deductions');
  });

  it('refuses a deduction below zero before sending, and an unreadable amount at the field', async () => {
    const sent = fakeGateway(() => ({ status: 200, body: figures('0.00') }));
    renderPage(<ManageBalanceDialog customer={customer} onClose={() => undefined} />);
    await fill('Deduct', '100.01');
    expect(screen.getByRole('textbox', { name: /Amount/ })).toHaveAccessibleDescription(/below zero/);
    await userEvent.clear(screen.getByRole('textbox', { name: /Amount/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Amount/ }), '1.005');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('textbox', { name: /Amount/ })).toHaveAccessibleDescription('This currency has 2 decimals.');
    expect(sent).toHaveLength(0);
  });

  it('shows a refusal from the server at the amount and lets the admin correct it', async () => {
    let calls = 0;
    const sent = fakeGateway(() =>
      ++calls === 1
        ? { status: 409, body: { status: 409, code: 'insufficient_balance', detail: 'low' } }
        : { status: 200, body: figures('50.00') },
    );
    renderPage(<ManageBalanceDialog customer={customer} onClose={() => undefined} />);
    await fill('Deduct', '90');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const amount = await screen.findByRole('textbox', { name: /Amount/ });
    expect(amount).toHaveAccessibleDescription('The balance is too low for this deduction.');
    await userEvent.clear(amount);
    await userEvent.type(amount, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Done. The balance is now 50.00 USD.')).toBeInTheDocument();
    expect(sent).toHaveLength(2);
    expect(sent.map((request) => request.body)).toEqual([{ amount: '90.00' }, { amount: '50.00' }]);
    // A refused request recorded nothing: the dialog's one key goes with the corrected request.
    expect(sent[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.headers['Idempotency-Key']).toBe(sent[0]!.headers['Idempotency-Key']);
  });
});
