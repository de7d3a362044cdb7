import { accountGateEn } from '../../i18n/account-gate.en.js';
import { commonEn } from '../../i18n/common.en.js';
import { meterReadingsEn } from './meter-readings.messages.en.js';
import type { ReadingsFormMessages } from './readings-form.messages.js';

/** `<lk-readings-form>`'s strings, English. Loaded on demand. */
const messages: ReadingsFormMessages = {
  ...commonEn,
  ...accountGateEn,
  ...meterReadingsEn,
  title: 'Meter readings',
  intro: 'Enter the current readings of your meters. Leave the field of a meter you are not sending a reading for empty.',
  account: (number: string) => `Personal account no. ${number}`,
  submit: 'Send the readings',
  submitting: 'Sending the readings…',
  acceptedReading: (meter: string, value: number, volume: string) => `${meter} — ${value} (${volume} m³)`,
  accepted: (list: string) => `Readings accepted: ${list}.`,
  refused: 'The readings were not accepted. Check them and send them again.',
  noMeters: 'This personal account has no meters: there are no readings to send.',
  loadingAccount: 'Loading the personal account…',
  loggedOut: 'Log in to the cabinet to send meter readings.',
};

export default messages;
