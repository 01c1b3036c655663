import { spawnSync } from 'node:child_process';

export const JAVA_HINT =
  'Java 17+ is required to run DynamoDB Local. Install it, e.g. `sudo apt-get install -y default-jre-headless` (Debian 12+/Ubuntu 22.04+) or `brew install openjdk@17` (macOS).';

/** The major version of `java` on PATH, or null when there is none. */
export function javaMajorVersion(): number | null {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major; // "1.8" means Java 8
}

/** One clear line and a failed check when Java is missing or too old. */
export function checkJava(): { ok: true } | { ok: false; message: string } {
  const major = javaMajorVersion();
  if (major === null) return { ok: false, message: `Java not found. ${JAVA_HINT}` };
  if (major < 17) return { ok: false, message: `Java ${major} found, but ${JAVA_HINT}` };
  return { ok: true };
}
