import argon2 from 'argon2';

/**
 * argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane):
 * about 20-40 ms here, which bounds login throughput; raise it on bigger machines.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(plain: string): Promise<string> {
  return argon2.hash(plain, HASH_OPTIONS);
}

/** False for a wrong secret and for a stored hash argon2 cannot read (never throws on bad input). */
export async function verifySecret(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for sign-ins with an
 * unknown name, so response times do not tell which accounts exist.
 */
export async function verifyDecoy(plain: string): Promise<false> {
  decoyHash ??= hashSecret('decoy password that no account uses 7f3a');
  await verifySecret(await decoyHash, plain);
  return false;
}
