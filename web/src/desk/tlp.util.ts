import { TLPS, type Tlp } from './incident.model.ts';

export const isTlp = (v: string): v is Tlp => (TLPS as readonly string[]).includes(v);

/** A label from the server; an unknown one is handled as the strictest. */
export const asTlp = (v: string): Tlp => (isTlp(v) ? v : 'red');
