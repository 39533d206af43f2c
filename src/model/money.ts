/** Money at the edge now lives with the other value types; this module forwards to it while pages move over. */
export { formatPounds, penceToDecimal } from '../schemas/money.ts';
