import { z } from 'zod';
import type { InspectDocument } from '../types/inspect';
import { command, returns } from './define';
import { containerRef, imageRef } from './schemas';

export const inspectCommands = {
  /** `docker inspect CONTAINER`: the engine's document, unchanged. */
  'containers.inspect': command(z.object({ id: containerRef }), returns<InspectDocument>()),
  /** `docker image inspect IMAGE` (a name[:tag], name@digest or id). */
  'images.inspect': command(z.object({ id: imageRef }), returns<InspectDocument>()),
} as const;
