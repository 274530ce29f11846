import { lazy, type ComponentType } from 'react';
import type { ViewProps } from './contracts.ts';
import type { ViewName } from './nav.ts';

/** Each view is its own chunk: the first load fetches the shell and the map only. */
export const VIEW_COMPONENTS: Record<ViewName, ComponentType<ViewProps>> = {
  map: lazy(async () => ({ default: (await import('../map/index.ts')).MapView })),
  desk: lazy(async () => ({ default: (await import('../desk/index.ts')).DeskView })),
  dashboard: lazy(async () => ({ default: (await import('../dashboard/index.ts')).DashboardView })),
  sitrep: lazy(async () => ({ default: (await import('../sitrep/index.ts')).SitrepView })),
};
