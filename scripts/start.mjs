// `npm start`: install what is missing, build, and serve the app.
import { spawn, spawnSync } from 'node:child_process';
import { ensurePackages } from './ensure.mjs';

ensurePackages();
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = process.env.PORT ?? '4173';
console.log(`\nSkyline is running. Open http://127.0.0.1:${port}/ in your browser (Ctrl+C to stop).\n`);
const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1'], { stdio: ['ignore', 'inherit', 'inherit'] });
server.on('exit', (code) => process.exit(code ?? 0));
