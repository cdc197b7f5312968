// The engine feature's public entry: what other features and the app shell use. Everything else is internal.
export { EngineReachProvider, useEngineGate, useEngineReach } from './EngineContext';
export { EngineBanner, EngineStatusBadge, OfflineReason } from './EngineStatus';
export { EngineView } from './EngineView';
export { ListingStatus } from './ListingStatus';
export { EngineWaitNote, StaleNote } from './OutageNotes';
export { isEngineUnavailable } from './outage-message';
export { useRefreshOnEvents } from './useRefreshOnEvents';
export { useEngineListing, type ListingCache } from './useEngineListing';
