// The agenda rule: one person cannot be in two places at once.
export type Slot = { sessionId: string; personId: string; startsAt: number; endsAt: number };

/** Pairs of a person's agenda items whose times overlap (touching end-to-start is fine). */
export function overlapsFor(slots: Slot[]): { personId: string; sessionIds: [string, string] }[] {
  const out: { personId: string; sessionIds: [string, string] }[] = [];
  const byPerson = new Map<string, Slot[]>();
  for (const s of slots) byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  for (const [personId, list] of byPerson) {
    const sorted = [...list].sort((a, b) => a.startsAt - b.startsAt);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.startsAt < sorted[i]!.endsAt; j++) {
        out.push({ personId, sessionIds: [sorted[i]!.sessionId, sorted[j]!.sessionId] });
      }
    }
  }
  return out;
}
