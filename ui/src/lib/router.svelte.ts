// A tiny hash router: `#/dashboard`, `#/staff`, `#/person/12`, `#/person/12/edit`,
// `#/person/new`, `#/overview`, `#/rules`, `#/organisation`, `#/welcome`.

export type Route =
  | { name: 'home' }
  | { name: 'welcome' }
  | { name: 'dashboard' }
  | { name: 'staff' }
  | { name: 'person-new' }
  | { name: 'person'; id: number }
  | { name: 'person-edit'; id: number }
  | { name: 'overview' }
  | { name: 'rules' }
  | { name: 'organisation' }
  | { name: 'unknown'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home' };
  const [first, second, third] = parts;
  if (parts.length === 1) {
    if (first === 'welcome') return { name: 'welcome' };
    if (first === 'dashboard') return { name: 'dashboard' };
    if (first === 'rules') return { name: 'rules' };
    if (first === 'staff') return { name: 'staff' };
    if (first === 'overview') return { name: 'overview' };
    if (first === 'organisation') return { name: 'organisation' };
  }
  if (first === 'person' && second) {
    if (second === 'new' && parts.length === 2) return { name: 'person-new' };
    const id = Number(second);
    if (Number.isInteger(id) && id > 0) {
      if (parts.length === 2) return { name: 'person', id };
      if (parts.length === 3 && third === 'edit') return { name: 'person-edit', id };
    }
  }
  return { name: 'unknown', path };
}

export const router = $state({ route: parseRoute(typeof location === 'undefined' ? '' : location.hash) });

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    router.route = parseRoute(location.hash);
  });
}

/** Go to a path like `/staff` (pushes a history entry, so Back works). */
export function navigate(path: string): void {
  const hash = `#${path}`;
  if (location.hash === hash) {
    router.route = parseRoute(hash);
  } else {
    location.hash = hash;
  }
}

export const href = (path: string): string => `#${path}`;
