import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserVersion, findBrowser, INSTALL_BROWSER_ADVICE, noBrowserReason } from '../../src/diagrams/browser.ts';
import { rendererKey } from '../../src/diagrams/render.ts';

const work = mkdtempSync(join(tmpdir(), 'diagram-browser-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('findBrowser', () => {
  it('uses CHROMIUM_PATH when it is set', () => {
    expect(findBrowser({ CHROMIUM_PATH: '/opt/chrome/chrome' }, 'linux', (path) => path === '/opt/chrome/chrome')).toBe('/opt/chrome/chrome');
  });

  it('finds nothing, rather than another browser, when CHROMIUM_PATH names no file', () => {
    expect(findBrowser({ CHROMIUM_PATH: '/nowhere/chrome' }, 'linux', (path) => path === '/usr/bin/chromium')).toBeUndefined();
  });

  it('finds Debian’s Chromium on Linux, and Google’s Chrome where Debian’s is missing', () => {
    expect(findBrowser({}, 'linux', (path) => path === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(findBrowser({}, 'linux', (path) => path === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
  });

  it('finds Chrome on macOS, in the user’s Applications too, and Edge on Windows', () => {
    expect(findBrowser({}, 'darwin', (path) => path.endsWith('Google Chrome'))).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(findBrowser({ HOME: '/Users/ann' }, 'darwin', (path) => path.startsWith('/Users/ann/') && path.endsWith('Microsoft Edge')))
      .toBe('/Users/ann/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'win32', (path) => path === edge)).toBe(edge);
  });

  it('finds nothing when no browser is installed', () => {
    expect(findBrowser({}, 'linux', () => false)).toBeUndefined();
  });
});

describe('what is said when there is no browser', () => {
  it('names CHROMIUM_PATH when it is set to a file that is not there', () => {
    expect(noBrowserReason({ CHROMIUM_PATH: '/opt/chrome' })).toBe('No Chrome, Edge or Chromium found: CHROMIUM_PATH is set to /opt/chrome, but there is no file there');
  });

  it('says only that none was found when CHROMIUM_PATH is not set', () => {
    expect(noBrowserReason({})).toBe('No Chrome, Edge or Chromium found');
  });

  it('says what to install on each platform, and how to point at a browser installed elsewhere', () => {
    expect(INSTALL_BROWSER_ADVICE).toContain('on Debian or Ubuntu, `sudo apt-get install chromium`');
    expect(INSTALL_BROWSER_ADVICE).toContain('on macOS or Windows, Google Chrome or Microsoft Edge');
    expect(INSTALL_BROWSER_ADVICE).toContain('set CHROMIUM_PATH');
  });
});

/** A stand-in browser: a shell script that answers `--version` and counts how often it was asked. */
function fakeBrowser(name: string, answer: string, status = 0): { path: string; asked: () => number } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'chrome');
  const log = join(dir, 'asked');
  writeFileSync(log, '');
  writeFileSync(path, `#!/bin/sh\necho asked >> '${log}'\necho '${answer}'\nexit ${status}\n`);
  chmodSync(path, 0o755);
  return { path, asked: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
}

const posix = process.platform !== 'win32';
if (!posix) console.warn('SKIPPED: browserVersion’s --version tests, whose stand-in browser is a shell script; the Windows test below still runs.');

describe.skipIf(!posix)('browserVersion', () => {
  it('asks the browser its version once, and remembers it while the program is unchanged', () => {
    const browser = fakeBrowser('once', 'Chromium 156.0.8078.114 built on Debian');
    const record = join(work, 'once', 'record.json');
    expect(browserVersion(browser.path, record, 'linux')).toBe('Chromium 156.0.8078.114 built on Debian');
    expect(browserVersion(browser.path, record, 'linux')).toBe('Chromium 156.0.8078.114 built on Debian');
    expect(browser.asked()).toBe(1);
  });

  it('asks again when the program is replaced by an update', () => {
    const browser = fakeBrowser('updated', 'Chromium 156.0.8078.114');
    const record = join(work, 'updated', 'record.json');
    browserVersion(browser.path, record, 'linux');
    rmSync(browser.path);
    fakeBrowser('updated', 'Chromium 157.0.1.2');
    expect(browserVersion(browser.path, record, 'linux')).toBe('Chromium 157.0.1.2');
  });

  it('identifies a browser that will not say its version by its file, which an update changes', () => {
    const browser = fakeBrowser('silent', '', 1);
    expect(browserVersion(browser.path, undefined, 'linux')).toMatch(new RegExp(`^${browser.path} \\(\\d+:\\d+:\\d+:[\\d.]+:[\\d.]+\\)$`));
  });
});

describe('browserVersion on Windows', () => {
  it('reads the newest version folder beside the program, since Chrome on Windows does not answer --version', () => {
    const dir = join(work, 'Chrome', 'Application');
    for (const version of ['99.0.4844.51', '120.0.6099.110']) mkdirSync(join(dir, version), { recursive: true });
    writeFileSync(join(dir, 'chrome.exe'), '');
    expect(browserVersion(join(dir, 'chrome.exe'), undefined, 'win32')).toBe(`${join(dir, 'chrome.exe')} 120.0.6099.110`);
  });
});

describe('the cache key', () => {
  it('changes with the browser’s version and with Mermaid’s, so either draws every diagram afresh', () => {
    const key = rendererKey('Chromium 156.0.8078.114', '12.3.0');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(rendererKey('Chromium 156.0.8078.114', '12.3.0')).toBe(key);
    expect(rendererKey('Chromium 157.0.1.2', '12.3.0')).not.toBe(key);
    expect(rendererKey('Chromium 156.0.8078.114', '12.4.0')).not.toBe(key);
  });
});
