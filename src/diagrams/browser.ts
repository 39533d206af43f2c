/**
 * Finding the browser that draws diagrams, the one place that knows where
 * Chrome, Chromium and Edge are installed: the diagram step, its benchmark and
 * the tests that run in a browser all ask here, so they agree on which browser
 * there is, and say the same thing when there is none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomically } from './cache.ts';

/** Where Chrome, Chromium and Edge are usually installed, by platform, most likely first. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
      .flatMap((app) => [`/Applications/${app}`, ...(env.HOME ? [`${env.HOME}/Applications/${app}`] : [])]);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    return ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']
      .flatMap((program) => roots.map((root) => `${root}\\${program}`));
  }
  return [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/snap/bin/chromium',
  ];
}

/**
 * The browser to draw diagrams with: `CHROMIUM_PATH` when it is set (and only
 * that, so a wrong setting is noticed rather than worked around), otherwise the
 * first Chrome, Chromium or Edge found where they are usually installed.
 * Undefined when there is none.
 *
 * @example
 * findBrowser() // '/usr/bin/chromium' on Debian with the chromium package installed
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return browserCandidates(platform, env).find(exists);
}

/**
 * Why `findBrowser` found nothing, as a sentence: a `CHROMIUM_PATH` that names
 * no file is the likelier mistake, so it is named.
 */
export function noBrowserReason(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH
    ? `No Chrome, Edge or Chromium found: CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no file there`
    : 'No Chrome, Edge or Chromium found';
}

/** What to install, on each platform, for diagrams to be drawn: the advice every message about a missing browser ends with. */
export const INSTALL_BROWSER_ADVICE =
  'To draw diagrams, install a browser: on Debian or Ubuntu, `sudo apt-get install chromium`; on macOS or Windows, Google Chrome or Microsoft Edge. ' +
  'Or set CHROMIUM_PATH to the program of an installed Chrome, Edge or Chromium.';

/** A browser's version as the diagram cache records it. */
interface RecordedVersion {
  path: string;
  /** The executable's identity: a reinstall or an update replaces the file, and changes this. */
  identity: string;
  version: string;
}

/** The executable's identity: device, inode, size and times, which an update or reinstall always changes. */
function fileIdentity(path: string): string {
  const stat = statSync(path);
  return [stat.dev, stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs].join(':');
}

/**
 * Asks the browser its version. Chrome on Windows does not answer
 * `--version` (it opens a window instead), but keeps each version's files in a
 * folder named by the version beside its program.
 */
function askVersion(path: string, platform: NodeJS.Platform): string | undefined {
  if (platform === 'win32') {
    const numbered = existsSync(dirname(path)) ? readdirSync(dirname(path)).filter((name) => /^\d+(\.\d+){3}$/.test(name)) : [];
    const newest = numbered.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
    return newest && `${path} ${newest}`;
  }
  const answer = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return answer.status === 0 ? answer.stdout.trim().split('\n').at(-1) || undefined : undefined;
}

/**
 * The browser's version (`Chromium 156.0.8078.114 built on Debian…`), part of
 * the key under which diagrams are cached, so a new browser draws them afresh.
 * Asking the browser takes about 70 ms, so the answer is kept in
 * `recordFile` and asked again only when the executable is replaced. A browser
 * that will not say is identified by its file, which an update still changes.
 */
export function browserVersion(path: string, recordFile?: string, platform: NodeJS.Platform = process.platform): string {
  const identity = fileIdentity(path);
  if (recordFile) {
    try {
      const recorded = JSON.parse(readFileSync(recordFile, 'utf8')) as RecordedVersion;
      if (recorded.path === path && recorded.identity === identity) return recorded.version;
    } catch {
      // No record yet, or a broken one: ask the browser.
    }
  }
  const version = askVersion(path, platform) ?? `${path} (${identity})`;
  if (recordFile) writeFileAtomically(recordFile, JSON.stringify({ path, identity, version } satisfies RecordedVersion));
  return version;
}
