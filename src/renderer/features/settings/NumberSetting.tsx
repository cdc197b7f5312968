import { useEffect, useId, useState } from 'react';

interface NumberSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Shown (and announced) while the typed value is out of range. */
  invalidMessage: string;
  hint?: string;
  onCommit(value: number): void;
}

/** A whole-number field that saves on blur or Enter, and only a value in range. */
export function NumberSetting({ label, value, min, max, invalidMessage, hint, onCommit }: NumberSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const parsed = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
  const commit = (): void => {
    if (valid && parsed !== value) onCommit(parsed);
  };
  return (
    <div className="setting-row">
      <label htmlFor={id}>{label}</label>
      <div className="setting-control">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={draft}
          aria-invalid={!valid}
          aria-describedby={`${id}-note`}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
        <span id={`${id}-note`} className={valid ? 'setting-hint muted' : 'setting-hint invalid'} role={valid ? undefined : 'alert'}>
          {valid ? hint : invalidMessage}
        </span>
      </div>
    </div>
  );
}
