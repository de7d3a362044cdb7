import * as v from 'valibot';

/**
 * An amount of money in kopecks (1 ₽ = 100 kopecks), a safe integer: money is
 * never a float anywhere in the SDK or the API (EXPECTATIONS 17). `Intl`
 * formats it for display only (`formatMoney`).
 */
export const KopecksSchema = v.pipe(v.number(), v.safeInteger());
export type Kopecks = v.InferOutput<typeof KopecksSchema>;
