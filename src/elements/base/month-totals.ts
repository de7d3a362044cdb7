import type { ServiceMonth } from '../../schemas/account.js';

/** A figure of a service's month: kopecks, or m³ for `consumption`. */
export type MonthFigure = Exclude<keyof ServiceMonth, 'service'>;

/** One figure of a closed month summed over its services, as the summary and the history's chart show a month. */
export const monthTotal = (services: readonly ServiceMonth[], figure: MonthFigure): number =>
  services.reduce((total, service) => total + service[figure], 0);
