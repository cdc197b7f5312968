/** A bar with role=progressbar: aria-valuenow while the amount is known, indeterminate (no value) otherwise. */
export function ProgressBar({ label, percent, className = '' }: { label: string; percent: number | undefined; className?: string }) {
  const known = percent !== undefined;
  return (
    <div
      className={`reg-bar ${known ? '' : 'indeterminate '}${className}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(known ? { 'aria-valuenow': percent } : {})}
    >
      <div className="reg-bar-fill" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
