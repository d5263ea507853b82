// The CME tab: the project and credit rule (with presets), attendance with reasons and overrides, the roster download, certificates.
import { createSignal, Show } from 'solid-js';
import { createLoad, FormError, useFailure } from './ui';
import { AttendanceTable } from './cme/AttendanceTable';
import { CertificatesPanel } from './cme/CertificatesPanel';
import {
  type AttendanceRow,
  type CmeRule,
  downloadRoster,
  getAttendance,
  getCme,
  putCme,
  setOverride,
} from './cme/cme-api';
import { RuleForm } from './cme/RuleForm';
import './cme/cme.css';

export function CmeTab(props: { event: { slug: string } }) {
  const fail = useFailure();
  const slug = () => props.event.slug;
  const cme = createLoad(slug, getCme);
  // The draft: the saved project, or the national preset over all the agenda's items until one is saved.
  const [edited, setEdited] = createSignal<CmeRule | null>(null);
  const rule = (): CmeRule | null => {
    const loaded = cme.current();
    if (edited()) return edited();
    if (!loaded) return null;
    return (
      loaded.cme ?? {
        ...loaded.presets.national,
        projectName: '',
        projectNumber: '',
        accreditedSessionIds: loaded.sessions.map((s) => s.id),
      }
    );
  };
  const [rows, setRows] = createSignal<AttendanceRow[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);

  async function loadRows(after = '') {
    try {
      const page = await getAttendance(slug(), after);
      setRows(page ? (after ? [...rows(), ...page.registrations] : page.registrations) : []);
      setNext(page?.next ?? null);
    } catch (e) {
      setError(fail(e));
    }
  }
  void loadRows();

  const patch = (p: Partial<CmeRule>) => {
    setSaved(false);
    setEdited({ ...rule()!, ...p });
  };
  async function save(e: Event) {
    e.preventDefault();
    try {
      await putCme(slug(), rule()!);
      setError(null);
      setSaved(true);
      await loadRows();
    } catch (err) {
      setError(fail(err));
    }
  }
  async function override(r: AttendanceRow, eligible: boolean | null, reason: string) {
    try {
      await setOverride(slug(), r.id, eligible, reason);
      setError(null);
      await loadRows();
    } catch (err) {
      setError(fail(err));
    }
  }
  async function roster() {
    try {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await downloadRoster(slug()));
      a.download = `${slug()}-cme-roster.csv`;
      a.click();
    } catch (err) {
      setError(fail(err));
    }
  }

  return (
    <div class="cme-tab">
      <FormError error={error() ?? cme.error()} />
      <Show when={rule()}>
        {(r) => (
          <RuleForm
            rule={r()}
            presets={cme.current()!.presets}
            items={cme.current()!.sessions}
            saved={saved()}
            onChange={patch}
            onSave={save}
          />
        )}
      </Show>
      <AttendanceTable
        rows={rows()}
        next={next()}
        onRoster={() => void roster()}
        onOverride={(row, eligible, reason) => void override(row, eligible, reason)}
        onMore={(after) => void loadRows(after)}
      />
      <Show when={cme.current()?.cme || saved()}>
        <CertificatesPanel slug={slug()} />
      </Show>
    </div>
  );
}
