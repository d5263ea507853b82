// The whole database schema, one file per aggregate.
export * from './events';
export * from './registrations';
export * from './emails';
export * from './staff';
export * from './messages';
export * from './attendance';
export * from './invitations';
export * from './certificates';
export * from './faculty';
export * from './materials';
export * from './evaluation';
