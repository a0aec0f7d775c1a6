import { execFile } from 'node:child_process';

/**
 * Installed versions of Debian packages, by name, from dpkg-query; packages
 * that are not installed (or a system without dpkg) are simply absent.
 */
export function debianPackageVersions(names: string[]): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    // dpkg-query exits non-zero when one of the names is not installed, yet still prints the others.
    execFile('dpkg-query', ['--show', '--showformat=${Package}\t${Version}\n', ...names], (_error, stdout) => {
      const versions: Record<string, string> = {};
      for (const line of String(stdout ?? '').split('\n')) {
        const [name, version] = line.split('\t');
        if (name && version) versions[name] = version;
      }
      resolve(versions);
    });
  });
}
