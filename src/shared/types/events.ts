export interface EngineEvent {
  /** Epoch nanoseconds, as the engine reports (timeNano); unique enough to resume without duplicates. */
  timeNano: string;
  type: string;
  action: string;
  actorId: string;
  actorName?: string;
  attributes: Record<string, string>;
}

export const EVENT_TYPES = ['container', 'image', 'volume', 'network', 'daemon', 'plugin', 'node', 'service', 'secret', 'config'] as const;
