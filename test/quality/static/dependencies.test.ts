/**
 * What the published site is built from: no known moderate, high or critical
 * advisory against a production dependency (npm audit, when the registry's
 * advisory service can be reached), and an installed tree that is exactly the
 * locked, integrity-checked one. The policy is in docs/security.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build-site.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs npm in the project, offline-safe: a short timeout, and no update notices. */
function npm(args: string[], timeout = 60_000) {
  return spawnSync(NPM, args, { cwd: ROOT, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
}

/** What `npm audit --json` prints when it could ask the registry. */
interface AuditReport {
  metadata: { vulnerabilities: Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number> };
  vulnerabilities: Record<string, { severity: string; via: unknown[]; range: string; fixAvailable: unknown }>;
}

/** Why the advisory service could not be asked, or undefined when it answered. */
function unreachable(result: ReturnType<typeof npm>): string | undefined {
  if (result.error) return `npm could not run (${result.error.message})`;
  let parsed: Partial<AuditReport> & { error?: { code?: string; summary?: string }; message?: string; statusCode?: number };
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    return `npm audit printed no report (exit ${result.status}): ${result.stderr.trim().split('\n').slice(-2).join(' ')}`;
  }
  if (parsed.metadata?.vulnerabilities) return undefined;
  const code = parsed.error?.code ?? (parsed.statusCode ? `HTTP ${parsed.statusCode}` : 'unknown');
  return `the registry did not answer the audit (${code}: ${parsed.message ?? parsed.error?.summary ?? 'no message'})`;
}

/** The advisories the gate refuses: moderate or worse, one line each. */
function seriousAdvisories(report: AuditReport): string[] {
  return Object.entries(report.vulnerabilities)
    .filter(([, v]) => ['moderate', 'high', 'critical'].includes(v.severity))
    .map(([name, v]) => `${name} ${v.range}: ${v.severity}, fix available: ${JSON.stringify(v.fixAvailable)}`);
}

describe('the production dependencies', () => {
  it('have no known moderate, high or critical advisory (npm audit --omit=dev)', (context) => {
    const result = npm(['audit', '--omit=dev', '--json']);
    const why = unreachable(result);
    // Some registries (mirrors, proxies, this project's own CI network) serve
    // packages but not the advisory service: then nothing can be audited, and a
    // failure would only block every change. The skip is loud, and docs/security.md
    // says to run the audit where the public registry is reachable.
    if (why) {
      // Loud, because a skipped security gate must never pass unnoticed.
      console.warn(`\n*** SECURITY GATE NOT RUN: npm audit --omit=dev: ${why}. Run it where the public registry is reachable (the GitHub Actions workflows do). ***\n`);
      context.skip(`npm audit could not reach the advisory service: ${why}`);
    }
    expect(seriousAdvisories(JSON.parse(result.stdout) as AuditReport)).toEqual([]);
  }, 90_000);

  it('would fail on a moderate advisory and pass a low one (the gate itself, on a sample report)', () => {
    const sample: AuditReport = {
      metadata: { vulnerabilities: { info: 0, low: 1, moderate: 1, high: 0, critical: 0, total: 2 } },
      vulnerabilities: {
        'example-low': { severity: 'low', via: [], range: '<1.2.3', fixAvailable: true },
        'example-moderate': { severity: 'moderate', via: [], range: '<2.0.1', fixAvailable: true },
      },
    };
    expect(seriousAdvisories(sample)).toEqual(['example-moderate <2.0.1: moderate, fix available: true']);
  });

  it('are installed exactly as package-lock.json locks them (npm ls finds nothing missing, extra or invalid)', () => {
    const result = npm(['ls', '--omit=dev', '--all', '--json'], 60_000);
    const problems = (JSON.parse(result.stdout || '{}') as { problems?: string[] }).problems ?? [];
    expect(problems).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
  }, 90_000);

  it('come from the registry by version range, each locked with an integrity hash', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const specs = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies });
    // A git URL, tarball or local path bypasses the registry's advisories and the lock's integrity check.
    expect(specs.filter(([, spec]) => !/^[\^~]?\d+\.\d+\.\d+$/.test(spec)).map(([name, spec]) => `${name}@${spec}`)).toEqual([]);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, { integrity?: string; link?: boolean }> };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    const unchecked = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.link && !entry.integrity?.startsWith('sha512-'));
    expect(unchecked.map(([path]) => path)).toEqual([]);
  });
});
