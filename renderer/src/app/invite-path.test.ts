import { describe, expect, it } from 'vitest';
import { inviteRouteFromPath } from './invite-path';

describe('inviteRouteFromPath', () => {
  it('turns a web invite path into the join route', () => {
    expect(inviteRouteFromPath('/j/123-456-789')).toBe('/join/123-456-789');
    expect(inviteRouteFromPath('/j/123456789/')).toBe('/join/123-456-789');
  });

  it('ignores every other path', () => {
    expect(inviteRouteFromPath('/')).toBeNull();
    expect(inviteRouteFromPath('/index.html')).toBeNull();
    expect(inviteRouteFromPath('/j/not-a-code')).toBeNull();
    expect(inviteRouteFromPath('/j/123-456-789/extra')).toBeNull();
  });
});
