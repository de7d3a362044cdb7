import type { CheckFamily } from './check.js';
import { credentials } from './checks/credentials.js';
import { csrf } from './checks/csrf.js';
import { idempotency } from './checks/idempotency.js';
import { letters } from './checks/letters.js';
import { lists } from './checks/lists.js';
import { problems } from './checks/problems.js';
import { rateLimit } from './checks/rate-limit.js';
import { readings } from './checks/readings.js';
import { sessionCookie } from './checks/session-cookie.js';

/** Every behaviour family, in the order the report lists them. */
export const FAMILIES: readonly CheckFamily[] = [credentials, problems, csrf, sessionCookie, rateLimit, idempotency, readings, lists, letters];

/** The id of the check every answer of the run is held against the OpenAPI document by. */
export const SHAPES_CHECK = 'shapes.every-answer';
/** The id of the check every error answer of the run is held against the problem-details rules by. */
export const EVERY_ERROR_CHECK = 'problems.every-error';
