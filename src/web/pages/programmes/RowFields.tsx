import { ActionIcon, NumberInput, type NumberInputProps, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** One text of a row in a form's list (a person's name, a material's title): labelled for readers, not shown. */
export function RowText({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <TextInput
      flex={1}
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** The bin at the end of a row of a form's list. */
export function RemoveRowButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
      <IconTrash size={18} />
    </ActionIcon>
  );
}

/** An amount in đồng: whole, not negative, grouped the Vietnamese way (1.500.000). */
export function VndInput(props: Omit<NumberInputProps, 'min' | 'allowDecimal'>) {
  return (
    <NumberInput
      min={0}
      clampBehavior="none"
      allowDecimal={false}
      thousandSeparator="."
      decimalSeparator=","
      {...props}
    />
  );
}
