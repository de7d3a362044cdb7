import type { EmailIssueCode } from '../schemas/email.js';

/** How to fix each e-mail rule (codes from the schema and the backend), Russian. */
export const emailIssuesRu: Record<EmailIssueCode, string> = {
  email_required: 'Введите адрес электронной почты.',
  email_too_long: 'Адрес электронной почты слишком длинный: до 254 символов, до «@» — не более 64.',
  email_spaces: 'Уберите пробелы из адреса электронной почты.',
  email_fullwidth: 'В адресе есть широкие (полноширинные) символы. Наберите его обычными латинскими буквами и цифрами.',
  email_format: 'Введите адрес электронной почты в формате name@example.ru.',
  email_chars: 'В адресе электронной почты есть недопустимые символы. Оставьте только буквы, цифры и знаки . _ - +',
  email_mixed_script: 'В адресе смешаны латинские и русские буквы (или греческие), похожие друг на друга. Наберите адрес в одном алфавите: каждую часть — только латинскими или только русскими буквами.',
};
