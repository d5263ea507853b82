// Desks are stored as "Desk 3" (what the desk's picker sends); the console shows "3号签到台" or "Desk 3", as the desk does.
import { ct } from './text';

export function deskLabel(deskId: string): string {
  const n = /^Desk (\d+)$/.exec(deskId)?.[1];
  return n ? ct('deskN', { n }) : deskId;
}
