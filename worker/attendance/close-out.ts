// The cron's close-out: people still signed in when a block (or the event) ends are signed out at its end, marked automatic.
import { atomically } from '../db';
import { closeEndedBlocks } from './statements';

export async function closeOutEndedBlocks(d1: D1Database, now: number) {
  const [rows] = await atomically(d1, [closeEndedBlocks(now)]);
  return rows.length;
}
