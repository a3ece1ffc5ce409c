import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { organisationTypes, sectors } from '../../api/types.ts';
import { CommuneSelect } from '../../components/CommuneSelect.tsx';
import { compact, enumOptions, splitList } from '../../components/options.ts';
import { ApprovalNeedsSummary, useApprovalNeeds } from '../review/ApprovalNeeds.tsx';

export const emptyOrganisation = {
  name: '',
  taxCode: '',
  type: 'enterprise',
  sector: 'agriculture',
  communeCode: '',
  streetAddress: '',
  representative: '',
  phone: '',
  email: '',
  gs1CompanyPrefixes: '',
  glns: '',
};
export type OrganisationValues = typeof emptyOrganisation;

/** The API body from the form: lists split, blanks left out. */
export const organisationBody = (v: OrganisationValues) => ({
  ...compact({ ...v, gs1CompanyPrefixes: '', glns: '' }),
  gs1CompanyPrefixes: splitList(v.gs1CompanyPrefixes),
  glns: splitList(v.glns),
});

/** Organisation profile inputs, shared by registration, the admin's create form and editing. */
export function OrganisationFields({ form, prefix }: { form: UseFormReturnType<any>; prefix?: string }) {
  const { t } = useTranslation();
  const p = (field: keyof OrganisationValues) => (prefix ? `${prefix}.${field}` : field);
  const values = prefix ? form.values[prefix] : form.values;
  const { needs, mark } = useApprovalNeeds('organisation', values);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('organisation.name')} required {...form.getInputProps(p('name'))} />
        <TextInput
          label={mark(t('organisation.taxCode'), 'taxCode')}
          description={t('organisation.taxCodeHint')}
          required
          inputMode="numeric"
          {...form.getInputProps(p('taxCode'))}
        />
        <Select
          label={t('organisation.type')}
          required
          data={enumOptions(t, 'organisationType', organisationTypes)}
          allowDeselect={false}
          {...form.getInputProps(p('type'))}
        />
        <Select
          label={t('organisation.sector')}
          required
          data={enumOptions(t, 'sector', sectors)}
          allowDeselect={false}
          {...form.getInputProps(p('sector'))}
        />
        <CommuneSelect
          label={mark(t('organisation.commune'), 'communeCode')}
          required
          {...form.getInputProps(p('communeCode'))}
        />
        <TextInput
          label={mark(t('organisation.streetAddress'), 'streetAddress')}
          {...form.getInputProps(p('streetAddress'))}
        />
        <TextInput
          label={mark(t('organisation.representative'), 'representative')}
          {...form.getInputProps(p('representative'))}
        />
        <TextInput
          label={mark(t('organisation.phone'), 'phone')}
          type="tel"
          {...form.getInputProps(p('phone'))}
        />
        <TextInput
          label={mark(t('organisation.email'), 'email')}
          type="email"
          {...form.getInputProps(p('email'))}
        />
        <TextInput
          label={t('organisation.gs1CompanyPrefixes')}
          description={t('common.listHint')}
          {...form.getInputProps(p('gs1CompanyPrefixes'))}
        />
        <TextInput
          label={t('organisation.glns')}
          description={t('common.listHint')}
          {...form.getInputProps(p('glns'))}
        />
      </SimpleGrid>
      <ApprovalNeedsSummary needs={needs} values={values} />
    </>
  );
}
