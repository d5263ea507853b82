// How a pairing code is named and what state it is in, for the devices tab's list and messages.
import type { Pairing } from '../console-api';
import { ct } from '../text';

export const statusOf = (p: Pairing) =>
  p.revoked ? 'revoked' : p.active ? 'active' : p.uses >= p.maxUses ? 'usedUp' : 'expired';
export const labelOf = (p: { label: string }) => p.label || ct('dev.noLabel');
