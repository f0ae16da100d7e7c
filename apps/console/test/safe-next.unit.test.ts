import { describe, expect, it } from 'vitest';
import { safeNext } from '../lib/client/safe-next';

const CONSOLE = 'https://console.example.com';

describe('where a sign-in goes next', () => {
  it.each([
    ['/sinks/7c9e6679?tab=failing', '/sinks/7c9e6679?tab=failing'],
    ['/audit#latest', '/audit#latest'],
    ['sinks', '/sinks'],
    ['/%2Fevil.example/', '/%2Fevil.example/'],
    // The same scheme without slashes is a path of the console's own origin.
    ['https:/evil.example', '/evil.example'],
  ])('keeps %s inside the console as %s', (next, expected) => {
    expect(safeNext(next, CONSOLE)).toBe(expected);
  });

  // Known ways around a check of the text: the browser reads each as another site.
  it.each([
    '//evil.example/',
    '/\\evil.example/',
    '\\/evil.example/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    '/\r/evil.example/',
    ' //evil.example/',
    '\t//evil.example',
    'https://evil.example/',
    'HTTPS://evil.example',
    'http:evil.example',
    '//console.example.com@evil.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://console.example.com/',
    '///evil.example',
    '/\\/evil.example',
  ])('sends %j to the sinks instead', (next) => {
    expect(safeNext(next, CONSOLE)).toBe('/sinks');
  });

  it('goes to the sinks without a next page', () => {
    expect(safeNext(null, CONSOLE)).toBe('/sinks');
    expect(safeNext('', CONSOLE)).toBe('/sinks');
  });
});
