// Installs what a fresh machine is missing: npm packages and Debian's Chromium.
// Uses only Node built-ins, so it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

function run(command) {
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function ensurePackages() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || (existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000);
  if (stale) {
    // `npm install` rather than `npm ci`: npm 11 can write a lock file that `npm ci`
    // then rejects (platform-specific optional packages), while install honours it.
    console.log('• Installing npm packages…');
    run('npm install --no-audit --no-fund');
  }
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log('• Installing Debian\'s Chromium for the browser tests…');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? '' : 'sudo ';
  run(`${sudo}apt-get update -q`);
  run(`${sudo}apt-get install -y -q chromium`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not installed at ${CHROMIUM}`);
}
