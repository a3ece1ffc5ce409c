import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput, type DateInputProps, DateTimePicker, type DateTimePickerProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseDayMonthYear } from './day-month-year.ts';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat'> & {
  /** `YYYY-MM-DD`, or '' when empty: what the forms keep and the API takes */
  value?: string;
  onChange?(value: string): void;
};

/**
 * A date typed and shown as people in Vietnam write it (dd/mm/yyyy), whatever the browser's own language; a native
 * date input shows mm/dd/yyyy in an English browser. Takes a form's `getInputProps` as they are.
 */
export function DateField({ value, onChange, ...props }: Props) {
  const { i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseDayMonthYear}
      placeholder="dd/mm/yyyy"
      locale={i18n.language === 'en' ? 'en' : 'vi'}
      clearable={!props.required}
      value={value || null}
      onChange={(date) => onChange?.(date ? String(date).slice(0, 10) : '')}
      {...props}
    />
  );
}

type TimeProps = Omit<DateTimePickerProps, 'value' | 'onChange' | 'valueFormat'> & {
  /** `YYYY-MM-DDTHH:mm` in Vietnam time, or '': what a `datetime-local` input held */
  value?: string;
  onChange?(value: string): void;
};

/** A moment picked and shown as `dd/mm/yyyy HH:mm` (24 hours), not the browser's `mm/dd/yyyy, hh:mm AM`. */
export function DateTimeField({ value, onChange, ...props }: TimeProps) {
  const { i18n } = useTranslation();
  return (
    <DateTimePicker
      valueFormat="DD/MM/YYYY HH:mm"
      locale={i18n.language === 'en' ? 'en' : 'vi'}
      value={value ? `${value.replace('T', ' ').slice(0, 16)}:00` : null}
      onChange={(moment) => onChange?.(moment ? String(moment).slice(0, 16).replace(' ', 'T') : '')}
      {...props}
    />
  );
}
