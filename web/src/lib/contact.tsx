// The organiser's contact line as written, with its email addresses and phone numbers as links a phone can follow.
import { For } from 'solid-js';
import { contactParts } from './contact-parts';

export function ContactText(props: { text: string }) {
  return <For each={contactParts(props.text)}>{(p) => (p.href ? <a href={p.href}>{p.text}</a> : p.text)}</For>;
}
