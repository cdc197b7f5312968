import { ErrorMessage } from '../../components/ErrorMessage';
import { useEngineGate } from './EngineContext';
import { EngineWaitNote, StaleNote } from './OutageNotes';
import { isEngineUnavailable } from './outage-message';

interface ListingStatusProps {
  /** The last failure to list. */
  error: Error | undefined;
  /** A list was had at some point (shown as last known while the engine is away). */
  listed: boolean;
  listedAt: number | undefined;
  /** The view's sentence for a last known list, e.g. "Last known at 10:42". */
  lastKnown: (time: string) => string;
}

/**
 * What a list view says about its list above the table: why listing failed (not "engine
 * unavailable" while the engine is away: the banner says that), how old the last known list is
 * while the engine is away, or that it waits for the engine.
 */
export function ListingStatus({ error, listed, listedAt, lastKnown }: ListingStatusProps) {
  const { reachable } = useEngineGate();
  const shownError = error && !(!reachable && isEngineUnavailable(error)) ? error : undefined;
  return (
    <>
      {shownError && <ErrorMessage error={shownError} />}
      {!reachable && listed && <StaleNote at={listedAt} message={lastKnown} />}
      {!reachable && !listed && <EngineWaitNote />}
    </>
  );
}
