import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import rendererPackage from './package.json' with { type: 'json' };

const devServerTarget = 'http://localhost:8800';

/**
 * The dev server injects inline scripts (React Fast Refresh preamble) and
 * <style> tags, which the production CSP forbids; relax it for `vite dev` only.
 */
function relaxCspInDev(): Plugin {
  return {
    name: 'meetai:relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    },
  };
}

export default defineConfig({
  plugins: [react(), relaxCspInDev()],
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(rendererPackage.version),
  },
  // Relative asset URLs so the same build loads from file:// in Electron and from the gateway.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: devServerTarget, changeOrigin: true },
      '/ws': { target: devServerTarget, ws: true, changeOrigin: true },
      '/health': { target: devServerTarget, changeOrigin: true },
    },
  },
});
