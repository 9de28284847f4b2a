import { ValueTransformer } from 'typeorm';

/** MariaDB returns DECIMAL as strings; the app wants numbers (or null). */
export const decimalToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)),
};

/** Millisecond datetimes that read and write the same on MariaDB and SQLite. */
export const DATETIME = { type: 'datetime', precision: 3 } as const;
