import { describe, expect, it } from 'vitest';
import { isAppPage, projectorHash } from '../../electron/urls';

const app = 'file:///opt/Maturity%20Workbench/resources/app.asar/dist/renderer/index.html';

describe('what the Electron shell lets a window do', () => {
  it.each([
    [app, true],
    [`${app}#/e/abc/a/def`, true],
    [`${app}?x=1#/framework`, true],
    ['file:///etc/passwd', false],
    ['file:///opt/Maturity%20Workbench/resources/app.asar/dist/renderer/other.html', false],
    ['https://example.com/index.html', false],
    [`${app}.evil.html`, false],
  ])('treats %s as the app page: %s', (url, expected) => {
    expect(isAppPage(url, app)).toBe(expected);
  });

  it('opens a second window only for the app’s own projector view', () => {
    expect(projectorHash(`${app}#/projector/0192abcd/0192ef01`, app)).toBe('/projector/0192abcd/0192ef01');
    expect(projectorHash(`${app}#/e/0192abcd/people`, app)).toBeNull();
    expect(projectorHash(`${app}#/projector/../../etc`, app)).toBeNull();
    expect(projectorHash('https://example.com/#/projector/a/b', app)).toBeNull();
  });
});
