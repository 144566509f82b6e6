import { Modal, Stack, TextInput } from '@mantine/core';
import { DialogButtons } from '../../components/DialogButtons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, WriteFailure } from '../../components/Outcome';
import { api } from '../../lib/api';
import { t } from '../../lib/i18n';
import { type Customer, customerKeys } from './api';
import { BillingFields, billingBody, billingFormOf } from './BillingFields';
import { expectChange } from './pending';

function useCustomerWrite<B>(customer: Customer, send: (body: B) => Promise<unknown>, expected: (body: B) => object, onDone: () => void) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (_, body) => {
      expectChange(customer.id, expected(body));
      void queries.invalidateQueries({ queryKey: customerKeys.all });
      onDone();
    },
  });
}

/** The basic information: team name, company name (enterprise teams), contact, phone, address. */
export function EditInformationDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const [teamName, setTeamName] = useState(customer.teamName);
  const [companyName, setCompanyName] = useState(customer.companyName ?? '');
  const [contactName, setContactName] = useState(customer.contactName ?? '');
  const [phone, setPhone] = useState(customer.phone ?? '');
  const enterprise = customer.teamType === 'ENTERPRISE' || customer.billingType === 'ENTERPRISE';
  const save = useCustomerWrite(
    customer,
    (body: Record<string, string>) => api.patch<void>(`/customers/${customer.id}`, body),
    (body) => ({ teamName: body.teamName, ...(enterprise ? { companyName: body.companyName } : {}) }),
    onClose,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      teamName: teamName.trim(),
      ...(enterprise ? { companyName: companyName.trim() } : {}),
      contactName: contactName.trim(),
      phone: phone.trim(),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('details.editInformation')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('column.teamName')} required value={teamName} onChange={(e) => setTeamName(e.currentTarget.value)} error={fieldError(save.error, 'teamName')} data-autofocus />
          {enterprise && (
            <TextInput label={t('column.companyName')} value={companyName} onChange={(e) => setCompanyName(e.currentTarget.value)} error={fieldError(save.error, 'companyName')} />
          )}
          <TextInput label={t('details.contactName')} value={contactName} onChange={(e) => setContactName(e.currentTarget.value)} error={fieldError(save.error, 'contactName')} />
          <TextInput label={t('details.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={fieldError(save.error, 'phone')} />
          <WriteFailure error={save.error} fields={['teamName', 'companyName', 'contactName', 'phone']} />
          <DialogButtons onClose={onClose} submitLabel={t('common.save')} sending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Billing information: setting it makes a verified customer INDIVIDUAL or ENTERPRISE. */
export function BillingInformationDialog({
  customer,
  onClose,
  path,
}: {
  customer: Customer;
  onClose: () => void;
  path: string;
}) {
  const [form, setForm] = useState(billingFormOf(customer));
  const save = useCustomerWrite(
    customer,
    (body: object) => api.put<void>(path, body),
    () => (form.type === 'ENTERPRISE' ? { companyName: form.companyName.trim() } : {}),
    onClose,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(billingBody(form));
  };
  return (
    <Modal opened onClose={onClose} title={t('details.editBilling')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <BillingFields form={form} onChange={setForm} error={save.error} />
          <WriteFailure error={save.error} fields={['type', 'companyName', 'contactName', 'phone', 'address']} />
          <DialogButtons onClose={onClose} submitLabel={t('common.save')} sending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
