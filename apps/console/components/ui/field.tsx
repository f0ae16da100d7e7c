import type { ReactNode } from 'react';

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs aria-invalid:border-red-500 disabled:bg-slate-100';

interface FieldProps {
  label: ReactNode;
  /** The id of the control the label names. */
  htmlFor: string;
  hint?: ReactNode;
  /** A message from the API or the form's own check, shown under the control. */
  error?: string;
  children: ReactNode;
}

/** A labelled form control with its hint and its error. */
export function Field({ label, htmlFor, hint, error, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {error && (
        <p className="text-sm text-red-700" data-testid={`field-error-${htmlFor}`}>
          {error}
        </p>
      )}
    </div>
  );
}
