// State shared between screens: the backend's status and the staff list's filters
// (kept while the user looks at a person and comes back). A feature's own state that
// outlives its screen (an import in progress) lives in its folder: features/*/state.svelte.ts.

import { api } from './api';
import type { AppStatusDto } from './bindings/AppStatusDto';
import type { Category } from './bindings/Category';

export const app = $state({
  status: null as AppStatusDto | null,
});

export const staffFilters = $state({
  search: '',
  category: '' as Category | '',
  on: '',
});

export async function refreshStatus(): Promise<AppStatusDto> {
  const status = await api.appStatus();
  app.status = status;
  return status;
}

/** Today as the backend sees it (ISO), or the browser's date as a fallback. */
export function today(): string {
  if (app.status) return app.status.today;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The dashboard's period, kept while the user looks at a person and comes back. */
export const dashboardState = $state({
  period: '',
});
