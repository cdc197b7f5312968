import { createContext, useContext } from 'react';

/** A container to show, and the detail tab to show it on. */
export interface ContainerTarget {
  id: string;
  name: string;
  tab?: string;
}

export interface Navigation {
  /** Switches to the containers view with this container open (e.g. a new interactive container's terminal). */
  openContainer(target: ContainerTarget): void;
  /** What the containers view should open next; it takes it with `takeContainerRequest`. */
  containerRequest: ContainerTarget | undefined;
  takeContainerRequest(): void;
}

const NavigationContext = createContext<Navigation>({
  openContainer: () => undefined,
  containerRequest: undefined,
  takeContainerRequest: () => undefined,
});

export const NavigationProvider = NavigationContext.Provider;

/** Moving between the app's views from inside one (App provides it). */
export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
