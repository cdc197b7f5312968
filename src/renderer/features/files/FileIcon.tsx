import type { FileKind } from '../../../shared/types/files';

const PATHS: Record<FileKind, string> = {
  directory: 'M1.5 3.5h4l1.5 1.5h7.5v8.5h-13z',
  file: 'M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3',
  symlink: 'M6.5 9.5l3-3 M7 4.5l1.5-1.5a2.5 2.5 0 013.5 3.5L10.5 8 M9 11.5L7.5 13A2.5 2.5 0 014 9.5L5.5 8',
  other: 'M8 1.5l6 3.25v6.5L8 14.5l-6-3.25v-6.5z',
};

/** A small line icon for a kind of entry (no emoji: not every system has an emoji font). */
export function FileIcon({ kind }: { kind: FileKind }) {
  return (
    <svg className={`files-icon files-icon-${kind}`} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[kind]}
        fill={kind === 'directory' ? 'currentColor' : 'none'}
        fillOpacity={kind === 'directory' ? 0.18 : undefined}
        stroke="currentColor"
        strokeWidth="1.2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
