// The CSV download button, with its progress announced.
import { createSignal, onCleanup, Show } from 'solid-js';
import { locale } from '../../i18n';
import { downloadCsv } from '../console-api';
import { ct } from '../text';
import { busyLabel, createSubmit, FormError } from '../ui';

/**
 * Downloads every registration as CSV, CSV_PAGE_ROWS rows per request, with the progress announced; the file is saved
 * only once it is whole.
 */
export function CsvButton(props: { slug: string }) {
  const submit = createSubmit();
  const [progress, setProgress] = createSignal<{ rows: number; total: number } | null>(null);
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  const download = () =>
    submit.run(
      undefined,
      () => ({}),
      async () => {
        controller = new AbortController();
        setProgress({ rows: 0, total: 0 });
        const blob = await downloadCsv(props.slug, (rows, total) => setProgress({ rows, total }), controller.signal);
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `${props.slug}-registrations.csv`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
    );

  return (
    <>
      <button type="button" class="secondary" aria-busy={submit.busy()} disabled={submit.busy()} onClick={download}>
        {busyLabel(submit.busy(), ct('regs.csv'), ct('regs.csvBusy'))}
      </button>
      <span class="csv-progress muted" role="status">
        <Show when={submit.busy() && progress()}>
          {(p) =>
            ct('regs.csvProgress', {
              rows: p().rows.toLocaleString(locale()),
              total: p().total.toLocaleString(locale()),
            })
          }
        </Show>
        <Show when={!submit.busy() && progress() && !submit.error()}>
          {ct('regs.csvDone', { n: progress()!.total.toLocaleString(locale()) })}
        </Show>
      </span>
      <FormError error={submit.error() && `${ct('regs.csvFailed')} ${submit.error()}`} />
    </>
  );
}
