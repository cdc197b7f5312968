import { useId } from 'react';

interface ToggleSettingProps {
  label: string;
  hint?: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function ToggleSetting({ label, hint, checked, onChange }: ToggleSettingProps) {
  const id = useId();
  return (
    <div className="setting-row">
      <label htmlFor={id}>{label}</label>
      <div className="setting-control">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch"
          checked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {hint && (
          <span id={`${id}-hint`} className="setting-hint muted">
            {hint}
          </span>
        )}
      </div>
    </div>
  );
}
