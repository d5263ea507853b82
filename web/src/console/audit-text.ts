// The audit log's details as sentences ("“Opening” — changed the title and the room"), never codes or raw JSON.

type Translate = (key: string, params?: Record<string, string | number>) => string;
type Detail = Record<string, unknown>;

/** Field names the API records, as the console labels them; a field without a label keeps its name. */
const FIELD_KEYS = [
  'name',
  'email',
  'phone',
  'affiliation',
  'jobTitle',
  'locale',
  'role',
  'titleZh',
  'titleEn',
  'venueZh',
  'venueEn',
  'addressZh',
  'addressEn',
  'contactZh',
  'contactEn',
  'timezone',
  'startsAt',
  'endsAt',
  'capacity',
  'status',
  'slug',
  'registrationOpensAt',
  'registrationClosesAt',
  'kind',
  'descriptionZh',
  'descriptionEn',
  'roomZh',
  'roomEn',
  'nameZh',
  'nameEn',
  'honorificZh',
  'honorificEn',
  'institutionZh',
  'institutionEn',
  'bioZh',
  'bioEn',
  'badgeRole',
];

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0);

/**
 * One entry's detail in words. `names` maps agenda item and person ids to their names; `role` labels an
 * agenda role (speaker, moderator…); `tr` reads the console's dictionary in the reader's language.
 */
export function auditDetail(
  action: string,
  detail: unknown,
  names: Map<string, string>,
  tr: Translate,
  role: (r: string) => string,
): string {
  const d: Detail = typeof detail === 'object' && detail !== null && !Array.isArray(detail) ? (detail as Detail) : {};
  const field = (k: string) => (FIELD_KEYS.includes(k) ? tr(`audit.f.${k}`) : k);
  const fields = (list: unknown) =>
    Array.isArray(list) ? list.map((k) => field(String(k))).join(tr('audit.listSep')) : '';
  const named = (id: unknown) => names.get(str(id)) ?? '';
  const quoted = (text: string) => (text ? tr('audit.quoted', { text }) : '');
  switch (action) {
    case 'session.create':
    case 'person.create':
      return quoted(named(d.id) || str(d.title) || str(d.name));
    case 'session.update':
    case 'person.update':
    case 'registration.update': {
      const what = quoted(named(d.id));
      const changed = tr('audit.changedFields', { fields: fields(d.fields) });
      return what ? tr('audit.thingChanged', { what, changed }) : changed;
    }
    case 'event.update':
      return tr('audit.changedFields', { fields: fields(Object.keys(d)) });
    case 'session.delete':
    case 'person.delete':
    case 'person.photo':
      return quoted(named(d.id));
    case 'material.upload':
    case 'material.link':
      return [named(d.personId), quoted(str(d.title))].filter(Boolean).join(' ');
    case 'material.update':
    case 'material.delete':
      return quoted(named(d.personId));
    case 'session.reorder':
      return tr('audit.reordered', { n: num(d.ids) });
    case 'session.people': {
      const people = Array.isArray(d.people) ? (d.people as Detail[]) : [];
      const list = people
        .map((p) => tr('audit.personAs', { name: named(p.personId) || tr('audit.someone'), role: role(str(p.role)) }))
        .join(tr('audit.listSep'));
      return tr('audit.peopleOn', { what: quoted(named(d.id)), people: list || tr('audit.nobody') });
    }
    case 'event.create':
      return tr('audit.address', { slug: str(d.slug) });
    case 'message.send':
      return tr('audit.messageSent', { subject: str(d.subject), n: num(d.recipients) });
    case 'pairing.create':
      return tr('audit.pairingCreated', { label: str(d.label), n: num(d.maxUses) });
    case 'pairing.revoke':
      return tr('audit.pairingRevoked', { n: num(d.devices) });
    case 'pairing.use':
      return tr('audit.pairingUsed', { device: str(d.device) || tr('audit.someone') });
    case 'registration.cancel':
    case 'registration.promote':
    case 'registration.reissue':
    case 'privacy.purge':
      return ''; // the action says it all; the id means nothing to a reader
    default:
      // An action this console does not know yet: its plain values, never JSON.
      return Object.values(d)
        .map((v) =>
          Array.isArray(v)
            ? v
                .map((x) => named(x) || str(x))
                .filter(Boolean)
                .join(tr('audit.listSep'))
            : named(v) || str(v),
        )
        .filter(Boolean)
        .join(' · ');
  }
}
