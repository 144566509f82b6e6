import { Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { fieldError } from '../../components/Outcome';
import { t } from '../../lib/i18n';
import type { PostalAddress } from './api';

export type BillingType = 'INDIVIDUAL' | 'ENTERPRISE';

export interface BillingForm {
  type: BillingType;
  companyName: string;
  contactName: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
}

export const emptyBilling = (type: BillingType = 'INDIVIDUAL'): BillingForm => ({
  type,
  companyName: '',
  contactName: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  region: '',
  country: '',
});

export function billingFormOf(values: {
  billingType?: BillingType;
  companyName?: string;
  contactName?: string;
  phone?: string;
  address?: PostalAddress;
}): BillingForm {
  const address = values.address;
  return {
    type: values.billingType ?? 'INDIVIDUAL',
    companyName: values.companyName ?? '',
    contactName: values.contactName ?? '',
    phone: values.phone ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    postalCode: address?.postalCode ?? '',
    region: address?.region ?? '',
    country: address?.country ?? '',
  };
}

const text = (value: string) => (value.trim() ? value.trim() : undefined);

/** The API's billing information: an address only when any of it is filled in. */
export function billingBody(form: BillingForm) {
  const anyAddress = [form.line1, form.line2, form.city, form.postalCode, form.region, form.country].some((v) => v.trim());
  return {
    type: form.type,
    companyName: form.type === 'ENTERPRISE' ? text(form.companyName) : undefined,
    contactName: text(form.contactName),
    phone: text(form.phone),
    address: anyAddress
      ? {
          line1: form.line1.trim(),
          line2: text(form.line2),
          city: form.city.trim(),
          postalCode: text(form.postalCode),
          region: text(form.region),
          country: form.country.trim().toUpperCase(),
        }
      : undefined,
  };
}

export function BillingFields({
  form,
  onChange,
  error,
  prefix = '',
  withType = true,
}: {
  form: BillingForm;
  onChange: (next: BillingForm) => void;
  error: unknown;
  prefix?: string;
  withType?: boolean;
}) {
  const field = (name: keyof BillingForm) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => onChange({ ...form, [name]: event.currentTarget.value }),
    error: fieldError(error, `${prefix}${name}`),
  });
  const address = (name: keyof BillingForm) => ({
    ...field(name),
    error: fieldError(error, `${prefix}address.${name}`),
  });
  return (
    <Stack gap="xs">
      {withType && (
        <SegmentedControl
          aria-label={t('details.billingKind')}
          value={form.type}
          onChange={(value) => onChange({ ...form, type: value as BillingType })}
          data={[
            { value: 'INDIVIDUAL', label: t('details.individual') },
            { value: 'ENTERPRISE', label: t('details.enterprise') },
          ]}
        />
      )}
      {form.type === 'ENTERPRISE' && <TextInput label={t('column.companyName')} required {...field('companyName')} />}
      <Group grow>
        <TextInput label={t('details.contactName')} {...field('contactName')} />
        <TextInput label={t('details.phone')} type="tel" {...field('phone')} />
      </Group>
      <TextInput label={t('details.line1')} {...address('line1')} />
      <TextInput label={t('details.line2')} {...address('line2')} />
      <Group grow>
        <TextInput label={t('details.city')} {...address('city')} />
        <TextInput label={t('details.postalCode')} {...address('postalCode')} />
      </Group>
      <Group grow>
        <TextInput label={t('details.region')} {...address('region')} />
        <TextInput label={t('details.country')} maxLength={2} {...address('country')} />
      </Group>
    </Stack>
  );
}
