/** The options of electron-installer-debian 3.2 this project uses (the package ships no types). */
declare module 'electron-installer-debian' {
  interface DebianInstallerOptions {
    src: string;
    dest: string;
    arch: string;
    name: string;
    productName: string;
    genericName?: string;
    description: string;
    productDescription: string;
    version?: string;
    bin: string;
    icon: Record<string, string>;
    categories: string[];
    mimeType: string[];
    maintainer: string;
    section: string;
    priority: string;
    homepage?: string;
    desktopTemplate?: string;
    logger?: (message: string) => void;
  }
  interface DebianInstallerResult {
    packagePaths: string[];
  }
  export default function installer(options: DebianInstallerOptions): Promise<DebianInstallerResult>;
}
