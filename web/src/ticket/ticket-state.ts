// The ticket page's state: which ticket, the management token, what cancel and erase changed, and where focus goes.
import { createAsync, useLocation, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';
import { ApiFailure, type Ticket } from '../api';
import type { TicketKey } from './text';
import type { RegisteredState } from '../public/RegisterForm';
import { cancelTicket, deleteTicketData, getTicket } from './ticket-data';

/** Moves focus to a heading once it is on the page, so screen readers start at the result. */
export const focusSoon = (el: () => HTMLElement | undefined) => queueMicrotask(() => el()?.focus());

export type TicketState = ReturnType<typeof createTicketState>;

export function createTicketState() {
  const params = useParams();
  const code = () => params.code ?? '';
  const location = useLocation<RegisteredState | undefined>(); // #cancel (from the email's cancel link) asks to cancel at once
  const [search] = useSearchParams();
  // The management token from the emailed link: without it the page shows the ticket but cannot cancel or erase.
  const token = () => (typeof search.m === 'string' ? search.m : '');
  const [linkRefused, setLinkRefused] = createSignal(false);
  const canManage = () => !!token() && !linkRefused();
  const loaded = createAsync(() => getTicket(code()));
  const [updated, setUpdated] = createSignal<Ticket | null>(null);
  const [deleted, setDeleted] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal<TicketKey | null>(null);
  createEffect(
    on(
      code,
      () => {
        setUpdated(null);
        setDeleted(false);
        setAnnouncement(null);
      },
      { defer: true },
    ),
  );
  const ticket = () => updated() ?? loaded();
  const justRegistered = (): RegisteredState | undefined => {
    const s = location.state;
    return s?.registered && s.email && !updated() ? { registered: s.registered, email: s.email } : undefined;
  };
  let heading: HTMLHeadingElement | undefined;
  let deletedHeading: HTMLHeadingElement | undefined;

  /** A stale or foreign token closes the dialog and shows how to get a working link instead of a bare failure. */
  const refused = (e: unknown) => {
    if (!(e instanceof ApiFailure) || e.code !== 'manage_link_needed') throw e;
    return () => setLinkRefused(true);
  };

  async function cancel() {
    let next: Ticket;
    try {
      next = await cancelTicket(code(), token());
    } catch (e) {
      return refused(e);
    }
    return () => {
      setUpdated(next);
      setAnnouncement('ticket.cancelDone');
      focusSoon(() => heading);
    };
  }

  async function erase() {
    try {
      await deleteTicketData(code(), token());
    } catch (e) {
      return refused(e);
    }
    return () => {
      setDeleted(true);
      focusSoon(() => deletedHeading);
    };
  }

  return {
    token,
    canManage,
    loaded,
    ticket,
    deleted,
    announcement,
    justRegistered,
    /** The email's cancel link ends in #cancel: the cancel dialog opens at once. */
    cancelAsked: () => location.hash === '#cancel',
    setHeading: (el: HTMLHeadingElement) => {
      heading = el;
      if (justRegistered()) focusSoon(() => heading);
    },
    setDeletedHeading: (el: HTMLHeadingElement) => (deletedHeading = el),
    cancel,
    erase,
  };
}
