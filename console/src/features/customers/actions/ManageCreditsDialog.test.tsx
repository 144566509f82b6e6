import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeGateway, renderPage } from '../../../test/render';
import { aCustomer } from '../../../test/fixtures';
import { ManageCreditsDialog } from './ManageCreditsDialog';

const customer = aCustomer();

const pool = { total: '70.00', allocated: '0.00', available: '70.00', currency: 'USD' };

describe('Manage Credits', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows what the pool keeps as the target is typed: grant 20.00 of 70.00 and 50.00 is left', async () => {
    const sent = fakeGateway((request) =>
      request.url.endsWith('/credit-pool')
        ? { status: 200, body: pool }
        : { status: 200, body: { entryId: 'e-1', currency: 'USD', balance: '100.00', credits: '20.00', poolAvailable: '50.00' } },
    );
    renderPage(<ManageCreditsDialog customer={customer} onClose={() => undefined} />);
    expect(await screen.findByText('Your credits available: 70.00 USD')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /Target credits/ }), '20');
    expect(screen.getByText('50.00 left')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(/The customer now has 20.00 USD credits; your pool has 50.00 USD left/)).toBeInTheDocument();
    const write = sent.filter((request) => request.method === 'PUT');
    expect(write).toHaveLength(1);
    expect(write[0]!.url).toBe('/api/v1/customers/c-1/credits');
    expect(write[0]!.body).toEqual({ amount: '20.00' });
    expect(write[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a target beyond the pool at the field, before sending anything', async () => {
    const sent = fakeGateway(() => ({ status: 200, body: pool }));
    renderPage(<ManageCreditsDialog customer={customer} onClose={() => undefined} />);
    await screen.findByText('Your credits available: 70.00 USD');
    const target = screen.getByRole('textbox', { name: /Target credits/ });
    await userEvent.type(target, '70.01');
    expect(target).toHaveAccessibleDescription(/More than this customer has plus what your pool has left \(70.00 USD\)/);
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    expect(sent.filter((request) => request.method !== 'GET')).toHaveLength(0);
  });

  it('shows the server refusal at the field when the pool changed meanwhile', async () => {
    fakeGateway((request) =>
      request.method === 'PUT'
        ? { status: 409, body: { status: 409, code: 'exceeds_pool_available', detail: 'pool' } }
        : { status: 200, body: pool },
    );
    renderPage(<ManageCreditsDialog customer={customer} onClose={() => undefined} />);
    await screen.findByText('Your credits available: 70.00 USD');
    const target = screen.getByRole('textbox', { name: /Target credits/ });
    await userEvent.type(target, '60');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(target).toHaveAccessibleDescription(/Your pool does not have that many credits left/));
  });
});
