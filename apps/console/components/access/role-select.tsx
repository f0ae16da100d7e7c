import type { Role } from '@/lib/client/session';
import { inputClass } from '../ui/field';

/** Admin or viewer, for a new account or token (labelled by the form around it). */
export function RoleSelect({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  testId: string;
}) {
  return (
    <select
      id={id}
      className={`${inputClass} w-32`}
      value={value}
      onChange={(event) => onChange(event.target.value as Role)}
      data-testid={testId}
    >
      <option value="viewer">viewer</option>
      <option value="admin">admin</option>
    </select>
  );
}
