// Bundles the dashboard into dist/ (served by the silo as its web root): one script with the
// SignalR client and Chart.js inside, so the page works on machines without internet access.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2022'],
  outfile: 'dist/app.js',
  logLevel: 'warning',
});
cpSync('src/index.html', 'dist/index.html');
cpSync('src/app.css', 'dist/app.css');
