// One card of the ticket page below the ticket itself (evaluation, certificates, materials): its heading names it
// for screen readers, and it stays off the printed ticket.
import type { JSX } from 'solid-js';

export function TicketSection(props: { id: string; class: string; title: string; children: JSX.Element }) {
  return (
    <section class={`card ${props.class} no-print`} aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}
