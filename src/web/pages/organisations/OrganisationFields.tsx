import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { organisationTypes, sectors } from '../../api/types.ts';
import { CommuneSelect } from '../../components/CommuneSelect.tsx';
import { compact, enumOptions, splitList } from '../../components/options.ts';

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
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('organisation.name')} required {...form.getInputProps(p('name'))} />
      <TextInput
        label={t('organisation.taxCode')}
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
      <CommuneSelect label={t('organisation.commune')} required {...form.getInputProps(p('communeCode'))} />
      <TextInput label={t('organisation.streetAddress')} {...form.getInputProps(p('streetAddress'))} />
      <TextInput label={t('organisation.representative')} {...form.getInputProps(p('representative'))} />
      <TextInput label={t('organisation.phone')} type="tel" {...form.getInputProps(p('phone'))} />
      <TextInput label={t('organisation.email')} type="email" {...form.getInputProps(p('email'))} />
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
  );
}
