import type { Customer } from './api';
import type { CustomerAction } from './CustomerTable';
import { ManageBalanceDialog } from './actions/ManageBalanceDialog';
import { ManageCreditsDialog } from './actions/ManageCreditsDialog';
import { ResetPasswordDialog } from './actions/ResetPasswordDialog';
import { SetTagDialog } from './actions/SetTagDialog';
import { StateDialog } from './actions/StateDialog';

export function CustomerActionDialog({
  action,
  customer,
  onClose,
}: {
  action: Exclude<CustomerAction, 'billing'>;
  customer: Customer;
  onClose: () => void;
}) {
  switch (action) {
    case 'balance':
      return <ManageBalanceDialog customer={customer} onClose={onClose} />;
    case 'credits':
      return <ManageCreditsDialog customer={customer} onClose={onClose} />;
    case 'tags':
      return <SetTagDialog customer={customer} onClose={onClose} />;
    case 'password':
      return <ResetPasswordDialog customer={customer} onClose={onClose} />;
    case 'state':
      return <StateDialog customer={customer} onClose={onClose} />;
  }
}
