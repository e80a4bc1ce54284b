// A tiny hash router: `#/dashboard`, `#/staff`, `#/staff/import`, `#/person/12`, `#/person/12/edit`,
// `#/person/new`, `#/overview`, `#/rules`, `#/organisation`, `#/welcome`, and the payroll
// section: `#/payroll` (import), `#/payroll/batches`, `#/payroll/wage-codes` (optionally
// `#/payroll/wage-codes/<code>` to fill in that code), `#/payroll/reconciliation`,
// `#/payroll/mappings` (saved column mappings); the waitlist: `#/waitlist`,
// `#/waitlist/stats`, `#/waitlist/new`, `#/candidate/3`, `#/candidate/3/edit`; `#/agenda`;
// and the claims: `#/claims` (list and compute), `#/claims/rules` (rule sets), `#/claim/12`.

/** The sub-pages of the payroll section. */
export type PayrollTab = 'import' | 'batches' | 'wage-codes' | 'reconciliation' | 'mappings';

export type Route =
  | { name: 'home' }
  | { name: 'welcome' }
  | { name: 'dashboard' }
  | { name: 'staff' }
  | { name: 'staff-import' }
  | { name: 'person-new' }
  | { name: 'person'; id: number }
  | { name: 'person-edit'; id: number }
  | { name: 'overview' }
  | { name: 'rules' }
  | { name: 'organisation' }
  | { name: 'payroll'; tab: PayrollTab; code?: string }
  | { name: 'waitlist'; tab: 'list' | 'stats' }
  | { name: 'candidate-new' }
  | { name: 'candidate'; id: number }
  | { name: 'candidate-edit'; id: number }
  | { name: 'agenda' }
  | { name: 'claims' }
  | { name: 'claim-rules' }
  | { name: 'claim'; id: number }
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
    if (first === 'waitlist') return { name: 'waitlist', tab: 'list' };
    if (first === 'agenda') return { name: 'agenda' };
    if (first === 'claims') return { name: 'claims' };
  }
  if (first === 'waitlist' && parts.length === 2) {
    if (second === 'stats') return { name: 'waitlist', tab: 'stats' };
    if (second === 'new') return { name: 'candidate-new' };
  }
  if (first === 'candidate' && second) {
    const id = Number(second);
    if (Number.isInteger(id) && id > 0) {
      if (parts.length === 2) return { name: 'candidate', id };
      if (parts.length === 3 && third === 'edit') return { name: 'candidate-edit', id };
    }
  }
  if (first === 'staff' && second === 'import' && parts.length === 2) return { name: 'staff-import' };
  if (first === 'payroll') {
    if (parts.length === 1) return { name: 'payroll', tab: 'import' };
    if (parts.length === 2 && (second === 'batches' || second === 'reconciliation' || second === 'wage-codes' || second === 'mappings')) {
      return { name: 'payroll', tab: second };
    }
    if (parts.length === 3 && second === 'wage-codes') {
      let code = third;
      try {
        code = decodeURIComponent(third);
      } catch {
        // A malformed escape: the text as it stands.
      }
      return { name: 'payroll', tab: 'wage-codes', code };
    }
  }
  if (first === 'claims' && second === 'rules' && parts.length === 2) return { name: 'claim-rules' };
  if (first === 'claim' && second && parts.length === 2) {
    const id = Number(second);
    if (Number.isInteger(id) && id > 0) return { name: 'claim', id };
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

/** The path of a payroll sub-page: `payrollPath('wage-codes', '1060')` = `/payroll/wage-codes/1060`. */
export function payrollPath(tab: PayrollTab, code?: string): string {
  const base = tab === 'import' ? '/payroll' : `/payroll/${tab}`;
  return code ? `${base}/${encodeURIComponent(code)}` : base;
}
