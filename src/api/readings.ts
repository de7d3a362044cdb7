import { ReadingHistorySchema, ReadingsResponseSchema, SubmitReadingsRequestSchema } from '../schemas/reading.js';
import type { ReadingHistoryEntry, ReadingsResponse, SubmitReadingsRequest } from '../schemas/reading.js';
import type { CallOptions, Client } from './client.js';
import { endpointPath } from './paths.js';

/**
 * Sends meter readings for a connected account. Each is checked by the
 * meter's rule (`readingSchema`) before, and by the backend again: a
 * refused one rejects with 422 and field errors at `readings.<i>.value`.
 * The answer has the account with its new last readings.
 */
export function submitReadings(
  client: Client,
  accountId: string,
  request: SubmitReadingsRequest,
  options: CallOptions = {},
): Promise<ReadingsResponse> {
  return client.request({
    method: 'POST',
    path: endpointPath('readings', { accountId }),
    body: request,
    bodySchema: SubmitReadingsRequestSchema,
    responseSchema: ReadingsResponseSchema,
    ...options,
  });
}

/**
 * The meter readings of a connected account, newest first: the month-end
 * readings the supplier took and every one the abonent sent, each with the
 * meter's name and what it counted since the one before.
 */
export async function fetchReadings(client: Client, accountId: string, options: CallOptions = {}): Promise<ReadingHistoryEntry[]> {
  const { readings } = await client.request({
    method: 'GET',
    path: endpointPath('readings', { accountId }),
    responseSchema: ReadingHistorySchema,
    ...options,
  });
  return readings;
}
