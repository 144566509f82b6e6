import { dayEnd, dayStart, filterQuery, hasFilters, nextSort, pageQuery, readSort, withChange } from './listParams';

describe('the list in the page address', () => {
  it('reads the sort, defaulting to the newest registrations first', () => {
    expect(readSort(new URLSearchParams())).toEqual({ column: 'registrationTime', direction: 'desc' });
    expect(readSort(new URLSearchParams('sort=balance,desc'))).toEqual({ column: 'balance', direction: 'desc' });
    expect(readSort(new URLSearchParams('sort=balance'))).toEqual({ column: 'balance', direction: 'asc' });
    expect(readSort(new URLSearchParams('sort=password,asc'))).toEqual({ column: 'registrationTime', direction: 'desc' });
  });

  it('sorts a new column ascending and flips a sorted one', () => {
    expect(nextSort({ column: 'balance', direction: 'asc' }, 'balance')).toEqual({ column: 'balance', direction: 'desc' });
    expect(nextSort({ column: 'balance', direction: 'desc' }, 'balance')).toEqual({ column: 'balance', direction: 'asc' });
    expect(nextSort({ column: 'balance', direction: 'desc' }, 'account')).toEqual({ column: 'account', direction: 'asc' });
  });

  it('turns days into the instants that bound them', () => {
    // Local midnights, in the viewer's time zone: the day's start and the next day's start.
    expect(dayStart('2026-12-01')).toBe(new Date(2026, 11, 1).toISOString());
    expect(dayEnd('2026-12-01')).toBe(new Date(2026, 11, 2).toISOString());
    expect(dayEnd('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
    expect(dayStart('2026-13-45')).toBeUndefined();
    expect(dayStart('yesterday')).toBeUndefined();
  });

  it('sends only the filters that are set, and the sort', () => {
    const query = filterQuery(new URLSearchParams('q=ada&state=ON&tag=&teamType=ENTERPRISE&minBalance=10&cursor=abc'));
    expect(query).toEqual({ q: 'ada', state: 'ON', teamType: 'ENTERPRISE', minBalance: '10', sort: 'registrationTime,desc' });
  });

  it('pages with the cursor and a known page size only', () => {
    expect(pageQuery(new URLSearchParams('cursor=abc&limit=100'))).toEqual({
      sort: 'registrationTime,desc',
      cursor: 'abc',
      limit: '100',
    });
    expect(pageQuery(new URLSearchParams('limit=100000'))).toEqual({ sort: 'registrationTime,desc', limit: '50' });
  });

  it('goes back to the first page when a filter changes', () => {
    const next = withChange(new URLSearchParams('cursor=abc&state=ON'), 'tag', 'vip');
    expect(next.get('cursor')).toBeNull();
    expect(next.get('tag')).toBe('vip');
    expect(withChange(next, 'state', null).has('state')).toBe(false);
  });

  it('knows whether any filter is set', () => {
    expect(hasFilters(new URLSearchParams('sort=balance,asc&limit=25'))).toBe(false);
    expect(hasFilters(new URLSearchParams('q=abc'))).toBe(true);
  });
});
