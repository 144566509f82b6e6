import { t } from '../../../lib/i18n';
import type { AmountProblem } from '../../../lib/money';

export function amountMessage(problem: AmountProblem, digits: number): string {
  return t(`amount.${problem}`, { digits });
}
