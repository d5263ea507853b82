// The console's shared pieces, gathered from ui/: feedback and error wording, forms and fields, dialogs, tables, loading.
export {
  busyLabel,
  changed,
  createDebounced,
  createForm,
  createFormToggle,
  createSubmit,
  createValues,
} from './ui/form';
export type { Bound, FormState } from './ui/form';
export { ConfirmButton, Modal } from './ui/dialogs';
export { ConsoleFeedback, errorText, serverFieldErrors, useFailure, useToast } from './ui/feedback';
export { ConsoleForm, Field, FormError, LangPair, type Option, SelectField, TextArea, TextField } from './ui/fields';
export { createLoad } from './ui/load';
export { DataTable, labelCells } from './ui/table';
