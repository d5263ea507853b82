// Compile-time checks (tsc -b, never bundled) that the web's response types are the Worker's: none collapses to any or {}, and each follows the server's own function.
import type { RegistrationRole, RegistrationStatus } from '../../schema/registrations';
import type { checkIn } from '../../worker/checkin/routes';
import type { ErrorCode } from '../../worker/http/errors';
import type { FailureCode, PublicEvent, Ticket } from './api';
import type * as consoleApi from './console/console-api';
import type { CheckinResponse, WalkInResponse } from './desk/checkin';
import type { Attendee, EventInfo, Stats } from './desk/desk-api';
import type { BatchResult, SavedTicket, Snapshot } from './desk/offline-store';
import type { Staff } from './staff/staff-api';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
/** Typed from a route: not any, never or unknown, and with at least one field. */
type Inferred<T> = 0 extends 1 & T
  ? false
  : [T] extends [never]
    ? false
    : unknown extends T
      ? false
      : keyof T extends never
        ? false
        : true;

export type Checks = [
  // If hc<AppType> loses a route's output (a route helper typed loosely, say), these fail before any page does.
  Expect<Inferred<Staff>>,
  Expect<Inferred<Stats>>,
  Expect<Inferred<Attendee>>,
  Expect<Inferred<EventInfo>>,
  Expect<Inferred<PublicEvent>>,
  Expect<Inferred<Ticket>>,
  Expect<Inferred<CheckinResponse>>,
  Expect<Inferred<WalkInResponse>>,
  Expect<Inferred<Snapshot>>,
  Expect<Inferred<SavedTicket>>,
  Expect<Inferred<BatchResult>>,
  Expect<Inferred<consoleApi.ConsoleEvent>>,
  Expect<Inferred<consoleApi.Registration>>,
  Expect<Inferred<consoleApi.OverlapWarning>>,
  Expect<Inferred<consoleApi.Dashboard>>,
  Expect<Inferred<consoleApi.MessageDetail>>,
  Expect<Inferred<consoleApi.Pairing>>,
  // The scan answer is checkIn()'s return value, field for field: rename one there and the desk stops compiling.
  Expect<
    Equal<
      Omit<CheckinResponse, 'result' | 'savedOffline' | 'walkIn' | 'admitted'>,
      Omit<Awaited<ReturnType<typeof checkIn>>, 'result'>
    >
  >,
  // Roles and statuses are the schema's enums, not strings the page narrows again.
  Expect<Equal<Attendee['role'], RegistrationRole>>,
  Expect<Equal<Attendee['status'], RegistrationStatus>>,
  Expect<Equal<keyof Stats['byRole'], RegistrationRole>>,
  Expect<Equal<SavedTicket['role'], RegistrationRole>>,
  Expect<Equal<StaffRoleName, 'organiser' | 'desk'>>,
  // The codes a page can compare are the Worker's, plus the web's own 'network'.
  Expect<Equal<FailureCode, ErrorCode | 'network'>>,
];
type StaffRoleName = Staff['roles'][number]['role'];
