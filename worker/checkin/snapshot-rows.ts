// The offline snapshot's compact form (?v=2), shared by the Worker that writes it and the desk that reads it: each
// ticket is an array in SNAPSHOT_FIELDS order instead of an object repeating its keys, and its hash is 12 characters.
import type { DeskLine } from '../questions/desk';
import type { RegistrationRole, RegistrationStatus } from '../../schema/registrations';

/** One registration as the desk keeps it (the v1 snapshot's objects, and the v2 rows decoded). */
export type SnapshotTicket = {
  id: string;
  hash: string;
  name: string;
  affiliation: string;
  role: RegistrationRole;
  status: RegistrationStatus;
  checkedInAt: string | null;
  deskId: string | null;
  details?: DeskLine[];
};

/**
 * 72 bits of SHA-256(code): no two of an event's tickets share them (at 20,000 tickets the odds are about 1 in
 * 10^13), and a stolen tablet still holds nothing that opens a door, since the desk online checks the code itself.
 * v1 kept 22 characters; a desk looks tickets up by this prefix, so rows saved from either form are found.
 */
export const HASH_CHARS = 12;
export const SNAPSHOT_FIELDS = [
  'id',
  'hash',
  'name',
  'affiliation',
  'role',
  'status',
  'checkedInAt',
  'deskId',
  'details',
] as const;
export type SnapshotRow = [
  string,
  string,
  string,
  string,
  RegistrationRole,
  RegistrationStatus,
  string | null,
  string | null,
  DeskLine[] | 0,
];

export const toRow = (t: SnapshotTicket): SnapshotRow => [
  t.id,
  t.hash.slice(0, HASH_CHARS),
  t.name,
  t.affiliation,
  t.role,
  t.status,
  t.checkedInAt,
  t.deskId,
  t.details ?? 0,
];

export function fromRow(r: SnapshotRow): SnapshotTicket {
  const [id, hash, name, affiliation, role, status, checkedInAt, deskId, details] = r;
  return { id, hash, name, affiliation, role, status, checkedInAt, deskId, ...(details ? { details } : {}) };
}
