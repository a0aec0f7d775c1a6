/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The renderer package version, injected by vite.config.ts. */
  readonly VITE_APP_VERSION: string;
}
