// A customer whose session ended is sent back to their platform's sign-in address; the platform
// id is not secret (it is in that address), so the tab remembers it.
const KEY = 'tally.lastPlatform';

export function rememberPlatform(platformId: string): void {
  sessionStorage.setItem(KEY, platformId);
}

export function lastPlatform(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}
