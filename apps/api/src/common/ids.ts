import { randomUUID } from 'node:crypto';

/** Application-generated ids keep inserts to one round trip on every database. */
export const newId = (): string => randomUUID();
