// What a top-level view is, apart from the list of views (views.ts), which imports every view.
import type { ComponentType } from 'react';
import type { EngineState } from '../shared/types/engine';

export interface ViewProps {
  engineState: EngineState | undefined;
}

export interface AppView {
  id: string;
  /** Key in the `common` namespace. */
  labelKey: string;
  Component: ComponentType<ViewProps>;
}
